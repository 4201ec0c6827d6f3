import { describe, expect, it } from "vitest";
import { mergeConfigFiles } from "../../../src/config/merge-config-files.js";

describe("mergeConfigFiles", () => {
  it("merges mappings key by key; the more specific file's lists and values win", () => {
    const own = { labels: { incident: "outage" }, statuses: ["a", "b"], timeZone: "UTC" };
    const base = { labels: { triage: "t" }, statuses: ["x", "y", "z"], timeZone: "CET", runbooks: [] };
    expect(mergeConfigFiles([own, base])).toEqual({
      labels: { triage: "t", incident: "outage" },
      statuses: ["a", "b"],
      timeZone: "UTC",
      runbooks: [],
    });
  });

  it("keeps a `__proto__` key as a key", () => {
    const merged = mergeConfigFiles([JSON.parse('{"__proto__": {"polluted": true}}')]);
    expect(Object.keys(merged)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
