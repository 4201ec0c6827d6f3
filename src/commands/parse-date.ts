/**
 * Due dates: a calendar day in the configured zone, carried as 00:00 UTC of that
 * day. Accepts `YYYY-MM-DD`, `+3d`, `+2w`, `today`, `tomorrow`, `monday`,
 * `next monday` (and short weekday names).
 */
import {
  addDays,
  type CalendarDay,
  calendarDayIn,
  dayAsUtcMidnight,
  isRealDay,
  safeTimeZone,
} from "./zoned-time.js";

export const DATE_EXPECTED =
  "a date such as `2026-02-05`, `+3d`, `+2w`, `today`, `tomorrow`, `friday` or `next monday`";

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  sun: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
};

/** `YYYY-MM-DD` as a real calendar day, or null. */
export function parseIsoDay(text: string): CalendarDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDay(day) ? day : null;
}

/** Whether a word could start a date (`next` needs the weekday that follows it). */
export function isWeekday(word: string): boolean {
  return Object.hasOwn(WEEKDAYS, word.toLowerCase());
}

function weekdayOf(day: CalendarDay): number {
  return dayAsUtcMidnight(day).getUTCDay();
}

/**
 * The calendar day a date text names, seen from `now` in `timeZone`, or null when
 * it is not a date. A weekday (with or without `next`) is the next such day after
 * today, never today itself.
 */
export function parseDay(text: string, now: Date, timeZone: string): CalendarDay | null {
  const words = text.trim().toLowerCase().split(/\s+/);
  const today = calendarDayIn(now, safeTimeZone(timeZone));
  if (words.length === 2 && words[0] === "next") {
    const weekday = WEEKDAYS[words[1] ?? ""];
    return weekday === undefined ? null : nextWeekday(today, weekday);
  }
  if (words.length !== 1) return null;
  const word = words[0] ?? "";
  if (word === "today") return today;
  if (word === "tomorrow") return addDays(today, 1);
  const weekday = WEEKDAYS[word];
  if (weekday !== undefined) return nextWeekday(today, weekday);
  const relative = /^\+(\d{1,4})([dw])$/.exec(word);
  if (relative !== null) return addDays(today, Number(relative[1]) * (relative[2] === "w" ? 7 : 1));
  return parseIsoDay(word);
}

function nextWeekday(today: CalendarDay, weekday: number): CalendarDay {
  const ahead = (weekday - weekdayOf(today) + 7) % 7;
  return addDays(today, ahead === 0 ? 7 : ahead);
}

/** A due date as 00:00 UTC of the day it names, or null when it is not a date. */
export function parseDueDate(text: string, now: Date, timeZone: string): Date | null {
  const day = parseDay(text, now, timeZone);
  return day === null ? null : dayAsUtcMidnight(day);
}
