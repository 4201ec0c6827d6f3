import { describe, expect, it } from "vitest";
import { formatJson } from "../../../src/config/format-json.js";

describe("formatJson", () => {
  it("puts one key a line and short lists of plain values on one line", () => {
    expect(formatJson({ a: [1, "x", null], b: {}, c: [], d: [{ e: true }] })).toBe(
      '{\n  "a": [1, "x", null],\n  "b": {},\n  "c": [],\n  "d": [\n    {\n      "e": true\n    }\n  ]\n}\n',
    );
  });

  it("breaks a list that would not fit in the line width", () => {
    expect(formatJson({ key: ["aaaa", "bbbb"] }, 20)).toBe(
      '{\n  "key": [\n    "aaaa",\n    "bbbb"\n  ]\n}\n',
    );
    expect(formatJson({ key: ["aaaa", "bbb"] }, 24)).toBe('{\n  "key": ["aaaa", "bbb"]\n}\n');
  });

  it("round-trips", () => {
    const value = { deep: { list: [1, 2, { x: "y" }], text: 'quote " and \\' } };
    expect(JSON.parse(formatJson(value))).toEqual(value);
  });
});
