import { parseComment } from "../../commands/index.js";
import type { ParseContext, ParsedLine } from "../../commands/types.js";
import { boundedMemo } from "../bounded-memo.js";

/**
 * A comment's commands, parsed once: the projection reads every comment of the history
 * on every event, two or three times per event (before the write, after it), and most
 * comments never change. Remembered by everything the parse depends on: the body
 * itself (an edited comment is another key), when it was written, the repository and
 * the vocabulary. What is remembered is frozen, so no reader can change it for the next.
 */
const PARSED = boundedMemo<readonly ParsedLine[]>(5_000, { maxKeyChars: 2_000_000 });

/**
 * The vocabulary's arrays come from the config, parsed once per repository: each distinct
 * vocabulary gets a short number, so the key stays short.
 */
const VOCABULARY_IDS = new WeakMap<object, number>();
const IDS_BY_TEXT = boundedMemo<number>(1_000);
let nextId = 0;

function vocabularyId(list: object): number {
  let id = VOCABULARY_IDS.get(list);
  if (id === undefined) {
    id = IDS_BY_TEXT.get(JSON.stringify(list), () => nextId++);
    VOCABULARY_IDS.set(list, id);
  }
  return id;
}

export function parsedComment(body: string, ctx: ParseContext): readonly ParsedLine[] {
  const vocabulary = `${vocabularyId(ctx.severities)}.${vocabularyId(ctx.statuses)}`;
  const key = `${ctx.now.getTime()}\u0000${vocabulary}\u0000${ctx.timeZone}\u0000${ctx.mitigatedStatus ?? ""}\u0000${ctx.repository ?? ""}\u0000${body}`;
  return PARSED.get(key, () => deepFreeze(parseComment(body, ctx)));
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || value instanceof Date || Object.isFrozen(value))
    return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
