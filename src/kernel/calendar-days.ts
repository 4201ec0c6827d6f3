import { addDays, calendarDayIn, dayAsUtcMidnight, safeTimeZone } from "../commands/zoned-time.js";

/**
 * Due dates are calendar days written `YYYY-MM-DD`: the day an instant falls on in
 * the configured zone, days between two of them, and durations as whole days.
 */
const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isoDayOf(at: Date, timeZone: string): string {
  return dayAsUtcMidnight(calendarDayIn(at, safeTimeZone(timeZone)))
    .toISOString()
    .slice(0, 10);
}

/** The day `days` after `day` (`YYYY-MM-DD`). */
export function addIsoDays(day: string, days: number): string {
  const match = ISO_DAY.exec(day);
  if (!match) return day;
  const next = addDays({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, days);
  return dayAsUtcMidnight(next).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`): negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A configured duration as whole days, at least one. */
export function wholeDays(ms: number): number {
  return Math.max(1, Math.round(ms / DAY_MS));
}

export function isIsoDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
