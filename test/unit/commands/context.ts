import { parseComment } from "../../../src/commands/index.js";
import type { Command, CommandError, ParseContext, ParsedLine } from "../../../src/commands/types.js";
import { DEFAULT_SEVERITIES, DEFAULT_STATUSES } from "../../../src/config/defaults.js";

/** Tuesday 3 February 2026, 15:00 UTC, default vocabulary, times in UTC. */
export const NOW = new Date("2026-02-03T15:00:00Z");

export function context(overrides: Partial<ParseContext> = {}): ParseContext {
  return {
    now: NOW,
    timeZone: "UTC",
    severities: DEFAULT_SEVERITIES,
    statuses: DEFAULT_STATUSES,
    ...overrides,
  };
}

/** The single parsed line of a one-command comment. */
export function parseOne(line: string, ctx: ParseContext = context()): ParsedLine {
  const lines = parseComment(line, ctx);
  if (lines.length !== 1)
    throw new Error(`expected one command line in ${JSON.stringify(line)}, got ${lines.length}`);
  return lines[0] as ParsedLine;
}

export function commandOf(line: string, ctx: ParseContext = context()): Command {
  const parsed = parseOne(line, ctx);
  if (!parsed.ok) throw new Error(`${line}: ${JSON.stringify(parsed.error)}`);
  return parsed.command;
}

export function errorOf(line: string, ctx: ParseContext = context()): CommandError {
  const parsed = parseOne(line, ctx);
  if (parsed.ok) throw new Error(`${line}: expected an error, got ${JSON.stringify(parsed.command)}`);
  return parsed.error;
}

/** The commands found in a comment, as kinds, to test what is and is not a command line. */
export function kindsIn(body: string, ctx: ParseContext = context()): string[] {
  return parseComment(body, ctx).map((line) => (line.ok ? line.command.kind : `error:${line.error.kind}`));
}
