import { describe, expect, it } from "vitest";
import { clip, codeSpan, neutraliseMentions } from "../../../src/commands/format-error.js";
import { formatCommandError } from "../../../src/commands/index.js";
import { context, errorOf } from "./context.js";

const reply = (line: string): string => formatCommandError(errorOf(line, context()));

/** The reply with code spans removed: what GitHub would scan for mentions. */
const outsideCode = (markdown: string): string => markdown.replace(/(`+)[\s\S]*?\1/g, "");

describe("formatCommandError", () => {
  it("explains unknown commands", () => {
    expect(reply("/stauts identified")).toMatchInlineSnapshot(
      `"\`/stauts\` is not a command. Did you mean \`/status\`? Type \`/help\` to see them all."`,
    );
    expect(reply("/frobnicate")).toMatchInlineSnapshot(
      `"\`/frobnicate\` is not a command. Type \`/help\` to see them all."`,
    );
  });

  it("explains bad arguments with the form expected", () => {
    expect(reply("/severity SEV-9")).toMatchInlineSnapshot(
      `"\`/severity\`: \`SEV-9\` is not a valid severity; expected one of SEV-1, SEV-2, SEV-3, SEV-4 (or P0–P3, critical/high/medium/low). Try \`/severity SEV-2\`."`,
    );
    expect(reply("/status fixed")).toMatchInlineSnapshot(
      `"\`/status\`: \`fixed\` is not a valid status; expected one of investigating, identified, mitigating, monitoring, resolved (a unique prefix is enough). Try \`/status identified\`."`,
    );
    expect(reply("/ic #42")).toMatchInlineSnapshot(
      `"\`/ic\`: \`#42\` is not a valid user or team; expected \`@alice\`, \`@org/team\`, or \`me\` for yourself. Try \`/ic me\`."`,
    );
    expect(reply("/note at 25:00 db down")).toMatchInlineSnapshot(
      `"\`/note\`: \`25:00\` is not a valid time; expected a time such as \`14:23\`, \`2:23pm\`, \`14:23 UTC\`, \`2026-02-03 14:23\` or \`2026-02-03T14:23Z\`, not in the future. Try \`/note at 14:23 Error rate spiked\`."`,
    );
    expect(reply("/detected at 2026-02-04 09:00")).toMatchInlineSnapshot(
      `"\`/detected\`: \`2026-02-04 09:00\` is in the future; give a time that has passed. Try \`/detected at 14:12\`."`,
    );
    expect(reply("/due someday")).toMatchInlineSnapshot(
      `"\`/due\`: \`someday\` is not a valid date; expected a date such as \`2026-02-05\`, \`+3d\`, \`+2w\`, \`today\`, \`tomorrow\`, \`friday\` or \`next monday\`. Try \`/due 2026-03-01\`."`,
    );
    expect(reply("/action Fix it priority:urgent")).toMatchInlineSnapshot(
      `"\`/action\`: \`urgent\` is not a valid priority; expected \`high\`, \`medium\` or \`low\` (or \`p1\`, \`p2\`, \`p3\`). Try \`/action Add retry alerting @alice due:+1w priority:high\`."`,
    );
    expect(reply("/hotfix from a..b")).toMatchInlineSnapshot(
      `"\`/hotfix\`: \`a..b\` is not a valid branch, tag or SHA; expected a name such as \`main\`, \`release/1.4\` or \`3f2a9c1\`. Try \`/hotfix from deployed\`."`,
    );
    expect(reply("/revert abc")).toMatchInlineSnapshot(
      `"\`/revert\`: \`abc\` is not a valid pull request; expected a pull request number such as \`#123\`, or its URL. Try \`/revert #123\`."`,
    );
  });

  it("explains missing arguments", () => {
    expect(reply("/update")).toMatchInlineSnapshot(
      `"\`/update\` needs its text: the status update to post. Try \`/update Rolled back; errors are falling\`."`,
    );
    expect(reply("/sev")).toMatchInlineSnapshot(
      `"\`/severity\` needs its severity: one of SEV-1, SEV-2, SEV-3, SEV-4 (or P0–P3, critical/high/medium/low). Try \`/severity SEV-2\`."`,
    );
    expect(reply("/lead")).toMatchInlineSnapshot(
      `"\`/lead\` needs its user or team: \`@alice\`, \`@org/team\`, or \`me\` for yourself. Try \`/lead @alice\`."`,
    );
  });

  it("explains text where none is expected", () => {
    expect(reply("/timeline now")).toMatchInlineSnapshot(
      `"\`/timeline\`: did not expect \`now\`; expected nothing after \`/timeline\`. Try \`/timeline\`."`,
    );
    expect(reply("/started at 14:00 after the deploy")).toMatchInlineSnapshot(
      `"\`/started\`: did not expect \`after the deploy\`; expected nothing after the time. Try \`/started at 14:05\`."`,
    );
  });

  it("explains over-long lines and too many commands", () => {
    expect(reply(`/note ${"x".repeat(1200)}`)).toMatchInlineSnapshot(
      `"\`/note\`: this command line is 1206 characters long, and may be at most 1,000 characters. Keep the command short and put the details in the rest of the comment."`,
    );
    expect(formatCommandError({ kind: "too-many-commands", limit: 20, count: 23 })).toMatchInlineSnapshot(
      `"This comment has 23 commands, and only the first 20 are run. Post the other 3 in another comment."`,
    );
  });

  it("echoes at most 80 characters of what was typed", () => {
    const long = `SEV-${"9".repeat(300)}`;
    const message = reply(`/severity ${long}`);
    expect(message).toContain(`\`${long.slice(0, 79)}…\``);
    expect(message).not.toContain(long.slice(0, 81));
    expect(reply(`/${"x".repeat(500)}`)).toContain(`\`/${"x".repeat(78)}…\``);
  });

  it("never mentions anyone outside code", () => {
    const messages = [
      reply("/ic @alice @bob"),
      reply("/action Ask @bob @carol"),
      reply("/owner @-x"),
      reply("/declare SEV-9 paging @oncall"),
      formatCommandError({
        kind: "bad-argument",
        command: "severity",
        argument: "severity",
        got: "x",
        expected: "ask @alice or @org/team",
      }),
      formatCommandError({ kind: "missing-argument", command: "ic", argument: "handle", expected: "@bob" }),
    ];
    for (const message of messages) expect(outsideCode(message)).not.toMatch(/@[A-Za-z0-9]/);
    expect(messages[4]).toContain("ask @\u200dalice or @\u200dorg/team");
  });

  it("keeps backticks in echoed input inside the code span", () => {
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("`x`")).toBe("`` `x` ``");
    expect(codeSpan("@alice")).toBe("`@alice`");
    expect(reply("/severity `@bob`")).toContain("`` `@bob` ``");
  });

  it("clips by characters, not UTF-16 units", () => {
    expect(clip("🔥".repeat(100))).toBe(`${"🔥".repeat(79)}…`);
    expect(clip("a\n\nb")).toBe("a b");
  });

  it("leaves code spans alone when neutralising", () => {
    expect(neutraliseMentions("`@a` and @b")).toBe("`@a` and @\u200db");
    expect(neutraliseMentions("mail me at x@example.com")).toBe("mail me at x@\u200dexample.com");
  });
});
