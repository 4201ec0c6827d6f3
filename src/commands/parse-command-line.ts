/**
 * One command line, split into its word and arguments, to a command or an error:
 * finds the command in the table (or suggests one) and runs its argument parser.
 */
import type { ArgParser, ArgResult } from "./argument-result.js";
import { type CommandName, findCommand } from "./command-table.js";
import { INCIDENT_ARGUMENTS } from "./incident-arguments.js";
import { LATER_ARGUMENTS } from "./later-arguments.js";
import { suggestCommand } from "./suggest-command.js";
import type { ParseContext } from "./types.js";

/** Every command in the table has exactly one argument parser (checked by the type). */
const ARGUMENT_PARSERS: Record<CommandName, ArgParser> = { ...INCIDENT_ARGUMENTS, ...LATER_ARGUMENTS };

/** `word` is what followed the `/` (any case); `args` the rest of the line. */
export function parseCommandLine(word: string, args: string, ctx: ParseContext): ArgResult {
  const command = findCommand(word);
  if (command === undefined) {
    return { ok: false, error: { kind: "unknown-command", name: word, suggestion: suggestCommand(word) } };
  }
  return ARGUMENT_PARSERS[command.name](args.trim(), ctx);
}
