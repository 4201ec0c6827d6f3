/**
 * Wall-clock time in an IANA zone, with `Intl.DateTimeFormat` only: which calendar
 * day and time an instant is in a zone, and which instant a wall time in a zone is.
 */

export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface WallTime extends CalendarDay {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The zone if the runtime knows it, else `UTC`: a bad config must not crash parsing. */
export function safeTimeZone(timeZone: string): string {
  try {
    formatter(timeZone);
    return timeZone;
  } catch {
    return "UTC";
  }
}

/** An instant for a UTC wall time; works for years 0–99 too, unlike `Date.UTC`. */
export function utcInstant(wall: WallTime): Date {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date;
}

/** The wall time an instant shows in a zone. */
export function wallTimeIn(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return utcInstant(wallTimeIn(new Date(whole), timeZone)).getTime() - whole;
}

const sameWall = (a: WallTime, b: WallTime): boolean =>
  a.year === b.year &&
  a.month === b.month &&
  a.day === b.day &&
  a.hour === b.hour &&
  a.minute === b.minute &&
  a.second === b.second;

/**
 * The instant a wall time in a zone denotes. A time that happens twice (clocks go
 * back) is the earlier one; a time that never happens (clocks go forward) is read
 * with the offset before the change, so 02:30 becomes 03:30 (as `Temporal` does).
 */
export function zonedWallTimeToUtc(wall: WallTime, timeZone: string): Date {
  const asUtc = utcInstant(wall).getTime();
  const before = asUtc - offsetAt(asUtc - DAY_MS, timeZone);
  const after = asUtc - offsetAt(asUtc + DAY_MS, timeZone);
  const matches = [before, after].filter((t) => sameWall(wallTimeIn(new Date(t), timeZone), wall));
  return new Date(matches.length > 0 ? Math.min(...matches) : before);
}

/** The calendar day an instant falls on in a zone. */
export function calendarDayIn(instant: Date, timeZone: string): CalendarDay {
  const { year, month, day } = wallTimeIn(instant, timeZone);
  return { year, month, day };
}

/** A calendar day moved by whole days. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = utcInstant({ ...day, hour: 0, minute: 0, second: 0 });
  date.setUTCDate(date.getUTCDate() + days);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Whether year-month-day names a real calendar day (no 30 February). */
export function isRealDay(day: CalendarDay): boolean {
  if (day.month < 1 || day.month > 12 || day.day < 1) return false;
  const date = utcInstant({ ...day, hour: 0, minute: 0, second: 0 });
  return date.getUTCMonth() === day.month - 1 && date.getUTCDate() === day.day;
}

/** The day as the instant 00:00 UTC, how due dates (days, not instants) are carried. */
export function dayAsUtcMidnight(day: CalendarDay): Date {
  return utcInstant({ ...day, hour: 0, minute: 0, second: 0 });
}
