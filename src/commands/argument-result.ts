/**
 * What an argument parser returns, and small helpers the parsers share.
 */
import { findCommand } from "./command-table.js";
import type { Command, CommandError, ParseContext } from "./types.js";
import { parseHandle } from "./vocabulary.js";

export type ArgResult = { ok: true; command: Command } | { ok: false; error: CommandError };

/** Parses the text after `/name` (trimmed, possibly empty) into a command. */
export type ArgParser = (args: string, ctx: ParseContext) => ArgResult;

export const ok = (command: Command): ArgResult => ({ ok: true, command });

export const bad = (
  command: string,
  argument: string,
  got: string,
  expected: string,
  example?: string,
): ArgResult => ({
  ok: false,
  error: {
    kind: "bad-argument",
    command,
    argument,
    got,
    expected,
    ...(example === undefined ? {} : { example }),
  },
});

export const missing = (
  command: string,
  argument: string,
  expected: string,
  example?: string,
): ArgResult => ({
  ok: false,
  error: {
    kind: "missing-argument",
    command,
    argument,
    expected,
    ...(example === undefined ? {} : { example }),
  },
});

/** The first word and the rest (trimmed, inner spacing kept). */
export function splitFirst(text: string): [string, string] {
  const match = /^(\S*)\s*([\s\S]*)$/.exec(text.trim());
  return [match?.[1] ?? "", match?.[2] ?? ""];
}

/** Optional free text: empty means null. */
export const optionalText = (text: string): string | null => (text === "" ? null : text);

/** The argument name used when text follows a command that takes none. */
export const EXTRA_TEXT = "extra text";

/** A command that takes no arguments; anything after it is an error, not ignored. */
export function noArguments(name: string, command: Command): ArgParser {
  return (args) =>
    args === "" ? ok(command) : bad(name, EXTRA_TEXT, args, `nothing after \`/${name}\``, `/${name}`);
}

/** The table's example for a command, for error replies. */
export function exampleOf(name: string): string {
  return findCommand(name)?.example ?? `/${name}`;
}

/** One handle and nothing else, or the error to return. */
export function oneHandle(command: string, args: string, expected: string): string | ArgResult {
  const example = exampleOf(command);
  const [first, rest] = splitFirst(args);
  if (first === "") return missing(command, "handle", expected, example);
  const handle = parseHandle(first);
  if (handle === null) return bad(command, "handle", first, expected, example);
  if (rest !== "") return bad(command, EXTRA_TEXT, rest, "nothing after the user or team", example);
  return handle;
}
