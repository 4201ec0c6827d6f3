import { parseWhen } from "../../commands/index.js";
import type { Config } from "../../config/schema.js";

/** The form's "When it started", read with the same rules as `/started at …`. */
export function parseFormTime(text: string | null, config: Config, filedAt: Date): Date | null {
  if (!text) return null;
  return parseWhen(text, {
    now: filedAt,
    timeZone: config.timeZone,
    severities: config.severities,
    statuses: config.statuses,
  });
}
