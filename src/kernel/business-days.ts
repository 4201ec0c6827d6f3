import Holidays from "date-holidays";
import { addDays, type CalendarDay, wallTimeIn, zonedWallTimeToUtc } from "../commands/zoned-time.js";
import type { Deadline } from "../config/deadline-field.js";
import type { Config } from "../config/schema.js";

/**
 * Deadlines on a working calendar: "PIR within 2 business days" of a Friday
 * afternoon resolution is Tuesday afternoon, or Wednesday when Monday is a
 * holiday. Days are counted in the configured zone, and the deadline keeps the
 * wall-clock time it started from, so a DST change moves no deadline by an hour.
 */
type Calendar = Config["calendar"];

const WEEKDAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const DAY_MS = 86_400_000;
const holidayCache = new Map<string, Holidays | null>();

function holidaysOf(calendar: Calendar): Holidays | null {
  if (!calendar.country) return null;
  const key = `${calendar.country}/${calendar.region ?? ""}`;
  if (!holidayCache.has(key)) {
    const found = calendar.region
      ? new Holidays(calendar.country, calendar.region)
      : new Holidays(calendar.country);
    holidayCache.set(key, found.getCountries() ? found : null);
  }
  return holidayCache.get(key) ?? null;
}

const isoDay = (day: CalendarDay) =>
  `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;

/** Public holidays (type `public`) of the calendar's country and region on a day. */
function isHoliday(day: CalendarDay, calendar: Calendar): boolean {
  if (calendar.holidays.includes(isoDay(day))) return true;
  const holidays = holidaysOf(calendar);
  if (!holidays) return false;
  // Noon UTC of the day: date-holidays answers for the day it falls on in its own zone.
  const found = holidays.isHoliday(new Date(Date.UTC(day.year, day.month - 1, day.day, 12)));
  return Array.isArray(found) && found.some((holiday) => holiday.type === "public");
}

export function isBusinessDay(day: CalendarDay, calendar: Calendar): boolean {
  const weekday = WEEKDAY_NAMES[new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay()];
  return (
    calendar.workingDays.includes(weekday as Calendar["workingDays"][number]) && !isHoliday(day, calendar)
  );
}

/** `from` plus `days` business days, at the same wall-clock time in `timeZone`. */
export function addBusinessDays(from: Date, days: number, calendar: Calendar, timeZone: string): Date {
  const wall = wallTimeIn(from, timeZone);
  let day: CalendarDay = { year: wall.year, month: wall.month, day: wall.day };
  // A calendar with no working day at all cannot move: fall back to calendar days.
  if (calendar.workingDays.length === 0) return new Date(from.getTime() + days * DAY_MS);
  for (let counted = 0, guard = 0; counted < days && guard < 3660; guard += 1) {
    day = addDays(day, 1);
    if (isBusinessDay(day, calendar)) counted += 1;
  }
  return zonedWallTimeToUtc({ ...day, hour: wall.hour, minute: wall.minute, second: wall.second }, timeZone);
}

/** When a deadline that starts at `from` falls due. */
export function addDeadline(
  from: Date,
  deadline: Deadline,
  config: Pick<Config, "calendar" | "timeZone">,
): Date {
  if (typeof deadline === "number") return new Date(from.getTime() + deadline);
  return addBusinessDays(from, deadline.businessDays, config.calendar, config.timeZone);
}

/** An upper bound in milliseconds (for look-back windows): a business day is at most a few calendar days. */
export function deadlineUpperBound(deadline: Deadline): number {
  return typeof deadline === "number" ? deadline : (deadline.businessDays * 2 + 14) * DAY_MS;
}
