/**
 * A command error as one kind sentence of Markdown: what was wrong and what to
 * type instead. Echoed input is clipped to 80 characters and always inside a code
 * span, where `@mentions` do not notify anyone.
 */
import { EXTRA_TEXT } from "./argument-result.js";
import { findCommand } from "./command-table.js";
import { FUTURE_EXPECTED } from "./parse-time.js";
import type { CommandError } from "./types.js";

/** The most characters of what a person typed that a reply repeats. */
export const MAX_ECHO_LENGTH = 80;

/** At most {@link MAX_ECHO_LENGTH} characters, the last one `…` when clipped. */
export function clip(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, " "));
  return chars.length <= MAX_ECHO_LENGTH
    ? chars.join("")
    : `${chars.slice(0, MAX_ECHO_LENGTH - 1).join("")}…`;
}

/** Text as an inline code span, whatever backticks it holds. */
export function codeSpan(text: string): string {
  const clipped = clip(text);
  const longest = Math.max(0, ...Array.from(clipped.matchAll(/`+/g), (run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[ `]|[ `]$/.test(clipped) ? " " : "";
  return `${fence}${pad}${clipped}${pad}${fence}`;
}

/** `@name` outside code spans gets a zero-width joiner after the `@`, so it does not notify. */
export function neutraliseMentions(markdown: string): string {
  return markdown
    .split(/(`+[^`]*?`+)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/@(?=[A-Za-z0-9])/g, "@\u200d")))
    .join("");
}

const NOUNS: Record<string, string> = {
  handle: "user or team",
  due: "due date",
  ref: "branch, tag or SHA",
  source: "place to branch from",
  setting: "setting",
};

const echo = (text: string): string => (text.trim() === "" ? "nothing" : codeSpan(text));

function tryThis(command: string, example: string | undefined): string {
  return `Try ${codeSpan(example ?? findCommand(command)?.example ?? `/${command}`)}.`;
}

export function formatCommandError(error: CommandError): string {
  switch (error.kind) {
    case "unknown-command": {
      const typed = codeSpan(`/${error.name}`);
      const hint = error.suggestion === null ? "" : ` Did you mean ${codeSpan(`/${error.suggestion}`)}?`;
      return `${typed} is not a command.${hint} Type \`/help\` to see them all.`;
    }
    case "missing-argument": {
      const what = neutraliseMentions(`${NOUNS[error.argument] ?? error.argument}: ${error.expected}`);
      return `${codeSpan(`/${error.command}`)} needs its ${what}. ${tryThis(error.command, error.example)}`;
    }
    case "bad-argument": {
      const command = codeSpan(`/${error.command}`);
      const expected = neutraliseMentions(error.expected);
      if (error.argument === "line") {
        return `${command}: this command line is ${clip(error.got)} long, and may be ${expected}. Keep the command short and put the details in the rest of the comment.`;
      }
      if (error.argument === EXTRA_TEXT) {
        return `${command}: did not expect ${echo(error.got)}; expected ${expected}. ${tryThis(error.command, error.example)}`;
      }
      const noun = NOUNS[error.argument] ?? error.argument;
      if (error.expected === FUTURE_EXPECTED) {
        return `${command}: ${echo(error.got)} is in the future; give a time that has passed. ${tryThis(error.command, error.example)}`;
      }
      return `${command}: ${echo(error.got)} is not a valid ${noun}; expected ${expected}. ${tryThis(error.command, error.example)}`;
    }
    case "too-many-commands": {
      const skipped = error.count - error.limit;
      return `This comment has ${error.count} commands, and only the first ${error.limit} are run. Post the other ${skipped} in another comment.`;
    }
  }
}
