/**
 * `/action <text> [@owner] [due:<date>] [priority:<p>]`: `due:`, `priority:` and
 * `owner:` may stand anywhere after the text; `@handles` at the very end of the
 * text are the owner, mentions inside it stay text.
 */
import { type ArgResult, bad, exampleOf, missing, ok } from "./argument-result.js";
import { DATE_EXPECTED, isWeekday, parseDueDate } from "./parse-date.js";
import type { Handle, ParseContext } from "./types.js";
import {
  HANDLE_EXPECTED,
  matchPriority,
  PRIORITY_EXPECTED,
  type Priority,
  parseHandle,
} from "./vocabulary.js";

const KEYED = /^(due|priority|owner):(.*)$/i;

interface Options {
  due?: Date;
  priority?: Priority;
  owner?: Handle;
}

export function parseAction(args: string, ctx: ParseContext): ArgResult {
  const example = exampleOf("action");
  const tokens = args.split(/\s+/).filter((token) => token !== "");
  const text: string[] = [];
  const options: Options = {};
  const fail = (argument: string, got: string, expected: string): ArgResult =>
    bad("action", argument, got, expected, example);

  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] ?? "";
    const keyed = KEYED.exec(token);
    if (keyed === null) {
      text.push(token);
      continue;
    }
    const key = (keyed[1] ?? "").toLowerCase() as keyof Options;
    let value = keyed[2] ?? "";
    // `due: friday`, `due:next monday`: the value may be the following word(s).
    if (value === "" && index + 1 < tokens.length) {
      index += 1;
      value = tokens[index] ?? "";
    }
    if (key === "due" && value.toLowerCase() === "next" && isWeekday(tokens[index + 1] ?? "")) {
      index += 1;
      value = `${value} ${tokens[index]}`;
    }
    if (options[key] !== undefined) return fail(key, token, `one \`${key}:\` only`);
    if (key === "due") {
      const due = parseDueDate(value, ctx.now, ctx.timeZone);
      if (due === null) return fail("due", value, DATE_EXPECTED);
      options.due = due;
    } else if (key === "priority") {
      const priority = matchPriority(value);
      if (priority === null) return fail("priority", value, PRIORITY_EXPECTED);
      options.priority = priority;
    } else {
      const owner = parseHandle(value);
      if (owner === null) return fail("owner", value, HANDLE_EXPECTED);
      options.owner = owner;
    }
  }

  const trailing: string[] = [];
  while (text.length > 0 && (text[text.length - 1] ?? "").startsWith("@")) {
    const word = text[text.length - 1] ?? "";
    if (parseHandle(word) === null) break;
    trailing.unshift(word);
    text.pop();
  }
  if (trailing.length > 1) return fail("owner", trailing.join(" "), "one owner");
  const [ownerWord] = trailing;
  if (ownerWord !== undefined && options.owner !== undefined) return fail("owner", ownerWord, "one owner");
  const owner = ownerWord === undefined ? (options.owner ?? null) : parseHandle(ownerWord);

  if (text.length === 0)
    return missing("action", "text", "what needs to be done, before the options", example);
  return ok({
    kind: "action",
    text: text.join(" "),
    owner,
    due: options.due ?? null,
    priority: options.priority ?? null,
  });
}
