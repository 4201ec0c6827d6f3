import { z } from "zod";
import { formatDuration, parseDuration } from "./duration.js";
import { DURATION_PATTERN } from "./duration-field.js";

/**
 * A deadline as people write it: a duration (`48h`, `1w`) or business days (`2bd`,
 * `2 business days`), counted on the working week and holidays of `calendar`.
 * Calendar durations are milliseconds; business days stay a count until a date
 * is known to count from.
 */
export type Deadline = number | { businessDays: number };

const BUSINESS_DAYS = /^\s*(\d+)\s*(?:bd|business\s*days?)\s*$/i;
export const DEADLINE_PATTERN = `^(\\s*\\d+\\s*(bd|business\\s*days?)\\s*|${DURATION_PATTERN.slice(1, -1)})$`;
const MESSAGE = "expected a duration such as 48h or 1w, or business days such as 2bd";

export function parseDeadline(text: string): Deadline | null {
  const business = BUSINESS_DAYS.exec(text);
  if (business) {
    const days = Number(business[1]);
    return days > 0 ? { businessDays: days } : null;
  }
  return parseDuration(text);
}

/** `48h`, `2 business days`. */
export function formatDeadline(deadline: Deadline): string {
  if (typeof deadline === "number") return formatDuration(deadline);
  return `${deadline.businessDays} business day${deadline.businessDays === 1 ? "" : "s"}`;
}

export const deadline = z
  .string({ error: (issue) => (issue.input === undefined ? undefined : MESSAGE) })
  .refine((text) => parseDeadline(text) !== null, { message: MESSAGE })
  .transform((text) => parseDeadline(text) as Deadline)
  .meta({ pattern: DEADLINE_PATTERN, examples: ["48h", "1w", "2bd"] });
