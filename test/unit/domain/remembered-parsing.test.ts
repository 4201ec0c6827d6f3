import { describe, expect, it } from "vitest";
import { findCommandLines } from "../../../src/commands/command-lines.js";
import { DEFAULT_SEVERITIES } from "../../../src/config/defaults.js";
import { ConfigSchema } from "../../../src/config/schema.js";
import { itemKey } from "../../../src/features/checklists/checklist-items.js";
import { boundedMemo } from "../../../src/kernel/bounded-memo.js";
import { marker, readMarkers } from "../../../src/kernel/markers.js";
import { parseFormTime } from "../../../src/kernel/projection/form-time.js";
import { parsedComment } from "../../../src/kernel/projection/parsed-comment.js";
import { context } from "../commands/context.js";

/**
 * What is parsed on every event is remembered between events (kernel/bounded-memo.ts):
 * a changed input must never meet an answer remembered for another, and what is
 * remembered is frozen, so no reader can change it for the next.
 */
describe("boundedMemo", () => {
  it("forgets the oldest key beyond its count", () => {
    const memo = boundedMemo<number>(2);
    let computed = 0;
    const get = (key: string) => memo.get(key, () => ++computed);
    expect([get("a"), get("b"), get("a")]).toEqual([1, 2, 1]);
    get("c");
    expect(memo.size).toBe(2);
    expect(get("a")).toBe(4);
  });

  it("forgets the oldest keys once their lengths pass maxKeyChars, and does not keep a key longer than that", () => {
    const memo = boundedMemo<string>(100, { maxKeyChars: 10 });
    let computed = 0;
    const get = (key: string) => memo.get(key, () => `${key}:${++computed}`);
    get("aaaa");
    get("bbbb");
    expect(memo.size).toBe(2);
    get("cccc");
    expect(memo.size).toBe(2);
    expect(get("aaaa")).toBe("aaaa:4");
    expect(get("x".repeat(11))).toBe(`${"x".repeat(11)}:5`);
    expect(get("x".repeat(11))).toBe(`${"x".repeat(11)}:6`);
    expect(memo.size).toBe(2);
  });

  it("remembers an undefined answer too", () => {
    const memo = boundedMemo<undefined>(10);
    let computed = 0;
    memo.get("k", () => void computed++);
    memo.get("k", () => void computed++);
    expect(computed).toBe(1);
  });
});

describe("readMarkers, remembered by body", () => {
  const body = (id: string) => `Timeline\n\n${marker("timeline", { id })}\n`;

  it("reads an edited body again: another body is another key", () => {
    expect(readMarkers(body("INC-1"))[0]?.fields.id).toBe("INC-1");
    expect(readMarkers(body("INC-2"))[0]?.fields.id).toBe("INC-2");
    expect(readMarkers(body("INC-1"))[0]?.fields.id).toBe("INC-1");
  });

  it("gives the same answer to an equal body, frozen", () => {
    const first = readMarkers(body("INC-3"));
    const again = readMarkers(`${body("INC-3")}`);
    expect(again).toEqual(first);
    expect(Object.isFrozen(again)).toBe(true);
    const fields = again[0]?.fields as Record<string, string>;
    expect(Object.isFrozen(fields)).toBe(true);
    expect(() => {
      fields.id = "INC-9";
    }).toThrow(TypeError);
    expect(readMarkers(body("INC-3"))[0]?.fields.id).toBe("INC-3");
  });

  it("finds nothing in a body that does not name the app, without reading it", () => {
    expect(readMarkers("just a comment\n<!-- not ours -->")).toEqual([]);
  });

  it("still ignores markers inside code, whatever was remembered", () => {
    const fenced = `\`\`\`\n${marker("reply", { key: "x" })}\n\`\`\``;
    expect(readMarkers(fenced)).toEqual([]);
    expect(readMarkers(fenced.replace(/```/g, ""))).toHaveLength(1);
  });
});

describe("parsedComment, remembered by body, time, repository and vocabulary", () => {
  it("parses an edited body again", () => {
    const ctx = context();
    const first = parsedComment("/severity SEV-1", ctx);
    const edited = parsedComment("/severity SEV-2", ctx);
    expect(first[0]).toMatchObject({ ok: true, command: { kind: "severity", severity: "SEV-1" } });
    expect(edited[0]).toMatchObject({ ok: true, command: { kind: "severity", severity: "SEV-2" } });
  });

  it("resolves a bare time against each comment's own moment", () => {
    const body = "/note at 14:00 deploy started";
    const monday = parsedComment(body, context({ now: new Date("2026-02-02T15:00:00Z") }));
    const tuesday = parsedComment(body, context({ now: new Date("2026-02-03T15:00:00Z") }));
    expect(monday[0]).toMatchObject({ ok: true, command: { at: new Date("2026-02-02T14:00:00Z") } });
    expect(tuesday[0]).toMatchObject({ ok: true, command: { at: new Date("2026-02-03T14:00:00Z") } });
  });

  it("reads again in another zone, repository or vocabulary", () => {
    const body = "/note at 14:00 deploy started";
    const berlin = parsedComment(body, context({ timeZone: "Europe/Berlin" }));
    expect(berlin[0]).toMatchObject({ ok: true, command: { at: new Date("2026-02-03T13:00:00Z") } });
    const renamed = DEFAULT_SEVERITIES.map((s, i) =>
      i === 0 ? { ...s, aliases: [...s.aliases, "HIGH"] } : s,
    );
    const plain = parsedComment("/severity HIGH", context());
    const aliased = parsedComment("/severity HIGH", context({ severities: renamed }));
    expect(aliased[0]).toMatchObject({ ok: true, command: { severity: DEFAULT_SEVERITIES[0]?.name } });
    expect(aliased).not.toEqual(plain);
    const here = parsedComment("/revert acme/web#12", context({ repository: "acme/web" }));
    const elsewhere = parsedComment("/revert acme/web#12", context({ repository: "acme/api" }));
    expect(here).not.toEqual(elsewhere);
  });

  it("answers frozen lines, so a reader cannot change them for the next", () => {
    const lines = parsedComment("/update Rolling back now.", context());
    expect(Object.isFrozen(lines)).toBe(true);
    expect(Object.isFrozen(lines[0])).toBe(true);
    expect(() => {
      (lines[0] as { raw: string }).raw = "changed";
    }).toThrow(TypeError);
    expect(parsedComment("/update Rolling back now.", context())[0]?.raw).toBe("/update Rolling back now.");
  });
});

describe("parseFormTime, remembered by text, zone and filing time", () => {
  const config = ConfigSchema.parse({});
  it("reads the same text against each issue's own filing time, and hands out a Date of its own", () => {
    const a = parseFormTime("13:05", config, new Date("2026-02-02T15:00:00Z"));
    const b = parseFormTime("13:05", config, new Date("2026-02-03T15:00:00Z"));
    expect(a?.toISOString()).toBe("2026-02-02T13:05:00.000Z");
    expect(b?.toISOString()).toBe("2026-02-03T13:05:00.000Z");
    b?.setTime(0);
    expect(parseFormTime("13:05", config, new Date("2026-02-03T15:00:00Z"))?.toISOString()).toBe(
      "2026-02-03T13:05:00.000Z",
    );
    expect(parseFormTime("not a time", config, new Date("2026-02-03T15:00:00Z"))).toBeNull();
  });
});

describe("itemKey, remembered by phase and text", () => {
  it("is the same key for the same item, another for another text or phase", () => {
    expect(itemKey("triage", "Page the on-call.")).toBe(itemKey("triage", "page the  on-call"));
    expect(itemKey("triage", "Page the on-call")).not.toBe(itemKey("triage", "Page the IC"));
    expect(itemKey("triage", "Page the on-call").slice(7)).toBe(
      itemKey("recovery", "Page the on-call").slice(9),
    );
  });
});

describe("findCommandLines skips bodies without a line starting with /", () => {
  it("still finds a command after any whitespace a line may start with", () => {
    for (const lead of ["", "  ", "\t", "\u00a0", "\ufeff", "\u2003", "\u2028"])
      expect(findCommandLines(`text\n${lead}/ack`).map((line) => line.word)).toEqual(["ack"]);
    expect(findCommandLines("text\r/ack").map((line) => line.word)).toEqual(["ack"]);
    // A line separator does not end a Markdown line: "/ack" there is not first on its line.
    expect(findCommandLines("text\u2028/ack")).toEqual([]);
  });

  it("finds none where no line starts with /", () => {
    expect(findCommandLines("a table | /ack |\nsee a/b")).toEqual([]);
    expect(findCommandLines(`${"\n".repeat(50_000)}${" ".repeat(50_000)}`)).toEqual([]);
  });
});
