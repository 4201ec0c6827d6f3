import { parseWhen } from "../../commands/index.js";
import type { Config } from "../../config/schema.js";
import { boundedMemo } from "../bounded-memo.js";

/** Read by every projection of the incident (several per event): remembered by text, zone and filing time. */
const PARSED = boundedMemo<number | null>(1_000, { maxKeyChars: 200_000 });

/** The form's "When it started", read with the same rules as `/started at …`. */
export function parseFormTime(text: string | null, config: Config, filedAt: Date): Date | null {
  if (!text) return null;
  const key = `${filedAt.getTime()}\u0000${config.timeZone}\u0000${text}`;
  const at = PARSED.get(key, () => {
    const parsed = parseWhen(text, {
      now: filedAt,
      timeZone: config.timeZone,
      severities: config.severities,
      statuses: config.statuses,
    });
    return parsed === null ? null : parsed.getTime();
  });
  // A Date of its own each time: whoever holds it may change it.
  return at === null ? null : new Date(at);
}
