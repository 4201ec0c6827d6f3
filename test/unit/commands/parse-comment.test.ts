import { describe, expect, it } from "vitest";
import {
  MAX_COMMAND_LINE_LENGTH,
  MAX_COMMANDS_PER_COMMENT,
  parseComment,
} from "../../../src/commands/index.js";
import { context, kindsIn } from "./context.js";

const lines = (...text: string[]): string => text.join("\n");

describe("parseComment: which lines are commands", () => {
  it("parses several commands in order, with their line numbers and trimmed text", () => {
    const body = lines("Taking this.", "  /ack  ", "", "/sev SEV-1 checkout is down", "Thanks!", "/ic me");
    expect(parseComment(body, context())).toEqual([
      { ok: true, line: 2, raw: "/ack", command: { kind: "ack", text: null } },
      {
        ok: true,
        line: 4,
        raw: "/sev SEV-1 checkout is down",
        command: { kind: "severity", severity: "SEV-1", reason: "checkout is down" },
      },
      { ok: true, line: 6, raw: "/ic me", command: { kind: "role", role: "ic", handle: "me" } },
    ]);
  });

  it("finds nothing in a comment without commands", () => {
    expect(parseComment("", context())).toEqual([]);
    expect(parseComment("Looks like the deploy at 14:00.\nSee /var/log.", context())).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    ["CRLF line endings", "/ack\r\n/timeline\r\n", ["ack", "timeline"]],
    ["CR line endings", "/ack\r/timeline", ["ack", "timeline"]],
    ["upper case names", "/ACK\n/Severity sev2\n/TimeLine", ["ack", "severity", "timeline"]],
    ["tab-separated arguments", "/sev\tSEV-2", ["severity"]],
    ["paths", "/usr/bin/env node\n/etc/hosts\n/ack", ["ack"]],
    ["a word then a slash", "/ack/now\n/ack", ["ack"]],
    ["punctuation after the word", "/ack.\n/ack,\n/ack!\n/ack:", []],
    ["digits", "/123\n/3d\n/ack", ["ack"]],
    ["a slash with a space", "/ ack\n//ack", []],
    ["a command later in the line", "Please /ack this", []],
    ["list items", "- /ack\n* /ack\n1. /ack", []],
    ["unknown commands", "/lgtm", ["error:unknown-command"]],
    ["dashes in the word", "/comms-draft", ["error:unknown-command"]],
  ])("%s", (_name, body, expected) => {
    expect(kindsIn(body)).toEqual(expected);
  });
});

describe("parseComment: code, quotes and comments are not commands", () => {
  it.each<[string, string, string[]]>([
    ["a closed ``` fence", lines("```", "/ack", "```", "/timeline"), ["timeline"]],
    ["a fence with an info string", lines("```bash", "/ack", "```", "/timeline"), ["timeline"]],
    ["a ~~~ fence", lines("~~~", "/ack", "~~~", "/timeline"), ["timeline"]],
    ["an unterminated fence", lines("/help", "```", "/ack", "/timeline"), ["help"]],
    ["an unterminated ~~~ fence", lines("/help", "~~~", "/ack"), ["help"]],
    ["``` does not close ~~~", lines("~~~", "```", "/ack", "~~~", "/timeline"), ["timeline"]],
    ["a shorter fence does not close a longer one", lines("````", "```", "/ack", "````", "/help"), ["help"]],
    ["a closing fence may be longer", lines("```", "/ack", "`````", "/help"), ["help"]],
    ["a fence indented by three spaces", lines("   ```", "/ack", "   ```", "/help"), ["help"]],
    [
      "a closing fence with text is not one",
      lines("```", "``` not closed", "/ack", "```", "/help"),
      ["help"],
    ],
    ["inline triple backticks are not a fence", lines("```/ack```", "/help"), ["help"]],
    ["indented code at the start", lines("    /ack", "/help"), ["help"]],
    [
      "indented code after a blank line",
      lines("Run:", "", "    /ack", "", "    /timeline", "/help"),
      ["help"],
    ],
    ["indented code with a tab", lines("Run:", "", "\t/ack", "/help"), ["help"]],
    ["an indented line continuing a paragraph is text", lines("Then run", "    /ack"), ["ack"]],
    ["a block quote", lines("> /ack", ">/timeline", "  > /help", "/update ok"), ["update"]],
    ["a quoted fence", lines("> ```", "/ack", "> ```"), ["ack"]],
    ["an HTML comment on one line", lines("<!-- /ack -->", "/help"), ["help"]],
    ["a multi-line HTML comment", lines("<!--", "/ack", "/timeline", "-->", "/help"), ["help"]],
    [
      "a comment closing then opening again",
      lines("<!--", "/ack", "--> text <!--", "/timeline", "-->", "/help"),
      ["help"],
    ],
    ["an unterminated HTML comment", lines("/help", "<!-- hidden", "/ack"), ["help"]],
    ["a comment opened after text", lines("Hidden below <!--", "/ack", "-->", "/help"), ["help"]],
    ["a comment opened after a command", lines("/help <!--", "/ack", "-->"), ["help"]],
    ["`<!--` in inline code is text", lines("Type `<!--` to hide text", "/ack"), ["ack"]],
    ["`<!--` in a fence is text", lines("```", "<!--", "```", "/ack"), ["ack"]],
    ["a fence in a comment is hidden", lines("<!--", "```", "-->", "/ack"), ["ack"]],
  ])("%s", (_name, body, expected) => {
    expect(kindsIn(body)).toEqual(expected);
  });

  it("drops HTML comments from a command's arguments", () => {
    expect(parseComment("/note deploy rolled back <!-- by @bob --> at last", context())).toMatchObject([
      { ok: true, command: { kind: "note", text: "deploy rolled back  at last" } },
    ]);
  });
});

describe("parseComment: limits", () => {
  const many = (count: number): string =>
    Array.from({ length: count }, (_, i) => `/note ${i + 1}`).join("\n");

  it(`parses ${MAX_COMMANDS_PER_COMMENT} commands`, () => {
    const parsed = parseComment(many(MAX_COMMANDS_PER_COMMENT), context());
    expect(parsed).toHaveLength(MAX_COMMANDS_PER_COMMENT);
    expect(parsed.every((line) => line.ok)).toBe(true);
  });

  it("parses the first 20 of more and adds one error line", () => {
    const parsed = parseComment(many(25), context());
    expect(parsed).toHaveLength(21);
    expect(parsed.slice(0, 20).every((line) => line.ok)).toBe(true);
    expect(parsed[20]).toEqual({
      ok: false,
      line: 21,
      raw: "/note 21",
      error: { kind: "too-many-commands", limit: 20, count: 25 },
    });
  });

  it("does not count commands in code blocks", () => {
    const body = `${many(20)}\n\`\`\`\n${many(10)}\n\`\`\``;
    expect(parseComment(body, context())).toHaveLength(20);
  });

  it(`accepts a line of ${MAX_COMMAND_LINE_LENGTH} characters`, () => {
    const line = `/note ${"x".repeat(MAX_COMMAND_LINE_LENGTH - 6)}`;
    expect(line).toHaveLength(MAX_COMMAND_LINE_LENGTH);
    expect(kindsIn(line)).toEqual(["note"]);
  });

  it("rejects a longer line with an error, whatever the command", () => {
    const note = `/note ${"x".repeat(MAX_COMMAND_LINE_LENGTH)}`;
    expect(parseComment(note, context())).toEqual([
      {
        ok: false,
        line: 1,
        raw: note,
        error: {
          kind: "bad-argument",
          command: "note",
          argument: "line",
          got: "1006 characters",
          expected: "at most 1,000 characters",
        },
      },
    ]);
    expect(parseComment(`/Sev ${"1 ".repeat(600)}`, context())[0]).toMatchObject({
      error: { kind: "bad-argument", command: "severity", argument: "line" },
    });
    expect(parseComment(`/${"a".repeat(2000)}`, context())[0]).toMatchObject({
      error: { kind: "bad-argument", command: "a".repeat(2000), argument: "line" },
    });
  });

  it("handles a comment at GitHub's size limit quickly", () => {
    const spans = "`<!--` ``<!--`` ".repeat(4000);
    const runs = Array.from({ length: 300 }, (_, i) => "`".repeat(i + 1)).join(" x ");
    const body = `${spans}\n/ack\n${runs}\n/help\n${"> quoted\n".repeat(1000)}`;
    const started = performance.now();
    expect(kindsIn(body)).toEqual(["ack", "help"]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
