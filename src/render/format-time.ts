import { boundedMemo } from "../kernel/bounded-memo.js";

/**
 * Times in the configured zone, with one formatter per (zone, style). An incident's
 * times are the same on every event and `formatToParts` is slow, so the text of
 * each (zone, instant) is kept, for the last few thousand instants.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const clockTimes = boundedMemo<string>(5_000);
const calendarDays = boundedMemo<string>(5_000);

function formatter(timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withDate}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      hour: "2-digit",
      minute: "2-digit",
      ...(withDate ? { year: "numeric", month: "2-digit", day: "2-digit" } : {}),
    });
    formatters.set(key, found);
  }
  return found;
}

function parts(at: Date, timeZone: string, withDate: boolean): Record<string, string> {
  return Object.fromEntries(
    formatter(timeZone, withDate)
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
}

export function clockTime(at: Date, timeZone: string): string {
  return clockTimes.get(`${timeZone}|${at.getTime()}`, () => {
    const p = parts(at, timeZone, false);
    return `${p.hour}:${p.minute}`;
  });
}

export function calendarDay(at: Date, timeZone: string): string {
  return calendarDays.get(`${timeZone}|${at.getTime()}`, () => {
    const p = parts(at, timeZone, true);
    return `${p.year}-${p.month}-${p.day}`;
  });
}

export function dateTime(at: Date, timeZone: string): string {
  return `${calendarDay(at, timeZone)} ${clockTime(at, timeZone)}`;
}

/** `14:23` on the reference day, `02-04 09:10` on another, so a long incident stays readable. */
export function timeOnDay(at: Date, reference: Date, timeZone: string): string {
  const day = calendarDay(at, timeZone);
  return day === calendarDay(reference, timeZone)
    ? clockTime(at, timeZone)
    : `${day.slice(5)} ${clockTime(at, timeZone)}`;
}

export function zoneLabel(timeZone: string): string {
  return timeZone === "UTC" || timeZone === "Etc/UTC" ? "UTC" : timeZone;
}
