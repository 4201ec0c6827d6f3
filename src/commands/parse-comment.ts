/**
 * A comment body to its command lines, in order: each parsed into a command or a
 * typed error. Pure: the clock and the vocabulary come from the context.
 */
import { findCommandLines } from "./command-lines.js";
import { findCommand } from "./command-table.js";
import { parseCommandLine } from "./parse-command-line.js";
import type { ParseContext, ParsedLine } from "./types.js";

/** More command lines than this in one comment: the rest become one error line. */
export const MAX_COMMANDS_PER_COMMENT = 20;

/** A command line longer than this is an error, whatever the command. */
export const MAX_COMMAND_LINE_LENGTH = 1000;

/**
 * The commands of a comment. At most {@link MAX_COMMANDS_PER_COMMENT} lines are
 * parsed; when there are more, one `too-many-commands` line follows them (on the
 * first line not parsed), so the result has at most 21 entries.
 */
export function parseComment(body: string, ctx: ParseContext): ParsedLine[] {
  const lines = findCommandLines(body);
  const parsed = lines.slice(0, MAX_COMMANDS_PER_COMMENT).map(({ line, raw, word, args }): ParsedLine => {
    if (raw.length > MAX_COMMAND_LINE_LENGTH) {
      const command = findCommand(word)?.name ?? word.toLowerCase();
      const error = {
        kind: "bad-argument",
        command,
        argument: "line",
        got: `${raw.length} characters`,
        expected: `at most ${MAX_COMMAND_LINE_LENGTH.toLocaleString("en-US")} characters`,
      } as const;
      return { ok: false, line, raw, error };
    }
    const result = parseCommandLine(word, args, ctx);
    return result.ok
      ? { ok: true, line, raw, command: result.command }
      : { ok: false, line, raw, error: result.error };
  });
  const first = lines[MAX_COMMANDS_PER_COMMENT];
  if (first !== undefined) {
    parsed.push({
      ok: false,
      line: first.line,
      raw: first.raw,
      error: { kind: "too-many-commands", limit: MAX_COMMANDS_PER_COMMENT, count: lines.length },
    });
  }
  return parsed;
}
