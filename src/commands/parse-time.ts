/**
 * Times typed after `at`: `14:23`, `2:23pm`, `2:23 pm`, `14:23 UTC`, `14:23Z`,
 * `2026-02-03 14:23`, `2026-02-03T14:23Z`, `2026-02-03T14:23:00+01:00`. Without a
 * zone they are wall times in the configured zone. A bare time is on today's date
 * there, or yesterday's when today's would be more than five minutes ahead.
 */
import { parseIsoDay } from "./parse-date.js";
import type { ParseContext } from "./types.js";
import {
  addDays,
  type CalendarDay,
  calendarDayIn,
  safeTimeZone,
  utcInstant,
  type WallTime,
  zonedWallTimeToUtc,
} from "./zoned-time.js";

export const TIME_EXPECTED =
  "a time such as `14:23`, `2:23pm`, `14:23 UTC`, `2026-02-03 14:23` or `2026-02-03T14:23Z`, not in the future";

export const FUTURE_EXPECTED = "a time that is not in the future";

/** How far ahead of the comment a typed time may be (clock skew, rounding up). */
const FUTURE_SLACK_MS = 5 * 60_000;

export type TimeParse =
  | { ok: true; at: Date; rest: string }
  /** `not-a-time`: the text does not start like a time at all (no digit first). */
  | { ok: false; reason: "not-a-time" | "invalid" | "future"; got: string };

interface Clock {
  hour: number;
  minute: number;
  second: number;
}

const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[Tt](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
const CLOCK = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?(am|pm)?([Zz])?$/i;
const ZONE_WORD = /^(utc|gmt|z)$/i;
const MERIDIEM = /^(am|pm)$/i;

function toClock(hourText: string, minute?: string, second?: string, meridiem?: string): Clock | null {
  let hour = Number(hourText);
  const clock = { hour, minute: Number(minute ?? 0), second: Number(second ?? 0) };
  if (clock.minute > 59 || clock.second > 59) return null;
  if (meridiem === undefined) return hour <= 23 ? clock : null;
  if (hour < 1 || hour > 12) return null;
  hour = (hour % 12) + (meridiem.toLowerCase() === "pm" ? 12 : 0);
  return { ...clock, hour };
}

/** Offset text (`Z`, `+01:00`, `-0500`, `+01`) in milliseconds ahead of UTC. */
function offsetMs(text: string): number | null {
  if (/^z$/i.test(text)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (match === null) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

function instantOf(day: CalendarDay, clock: Clock, zone: { offset: number } | { timeZone: string }): Date {
  const wall: WallTime = { ...day, ...clock };
  if ("offset" in zone) return new Date(utcInstant(wall).getTime() - zone.offset);
  return zonedWallTimeToUtc(wall, zone.timeZone);
}

/** Starts like a time (`14:`, `2pm`, `2 pm`, `2026-`), so a typo is an error, not text. */
function looksLikeTime(first: string, second: string): boolean {
  if (/^\d{4}-\d/.test(first) || /^\d{1,2}(:\d|[ap]m)/i.test(first)) return true;
  return /^\d{1,2}$/.test(first) && MERIDIEM.test(second);
}

interface Token {
  text: string;
  end: number;
}

/** Parse the time at the start of `text`; `rest` is what follows it. */
export function parseTimePrefix(text: string, now: Date, configuredZone: string): TimeParse {
  const tokens: Token[] = [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], end: m.index + m[0].length }));
  const first = tokens[0];
  if (first === undefined || !looksLikeTime(first.text, tokens[1]?.text ?? "")) {
    return { ok: false, reason: "not-a-time", got: text.trim() };
  }
  const timeZone = safeTimeZone(configuredZone);
  const done = (at: Date, used: number): TimeParse => {
    const got = text.slice(0, tokens[used - 1]?.end ?? 0).trim();
    if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) return { ok: false, reason: "future", got };
    return { ok: true, at, rest: text.slice(tokens[used - 1]?.end ?? 0).trim() };
  };
  const invalid = (used: number): TimeParse => ({
    ok: false,
    reason: "invalid",
    got: text.slice(0, tokens[used - 1]?.end ?? 0).trim(),
  });

  const iso = ISO_DATE_TIME.exec(first.text);
  if (iso !== null) {
    const day = parseIsoDay(iso[1] ?? "");
    const clock = toClock(iso[2] ?? "", iso[3], iso[4]);
    const offset = iso[5] === undefined ? null : offsetMs(iso[5]);
    if (day === null || clock === null || (iso[5] !== undefined && offset === null)) return invalid(1);
    return done(instantOf(day, clock, offset === null ? { timeZone } : { offset }), 1);
  }

  const datedDay = /^\d{4}-\d{2}-\d{2}$/.test(first.text) ? parseIsoDay(first.text) : undefined;
  if (datedDay === null) return invalid(1);
  let index = datedDay === undefined ? 0 : 1;
  const clockMatch = CLOCK.exec(tokens[index]?.text ?? "");
  if (clockMatch === null) return invalid(index + 1);
  let meridiem = clockMatch[4];
  let utc = clockMatch[5] !== undefined;
  index += 1;
  if (meridiem === undefined && MERIDIEM.test(tokens[index]?.text ?? "")) {
    meridiem = tokens[index]?.text;
    index += 1;
  }
  if (!utc && ZONE_WORD.test(tokens[index]?.text ?? "")) {
    utc = true;
    index += 1;
  }
  // A bare number is not a time: `14` could be anything, `2pm` and `14:00` cannot.
  if (clockMatch[2] === undefined && meridiem === undefined) return invalid(index);
  const clock = toClock(clockMatch[1] ?? "", clockMatch[2], clockMatch[3], meridiem);
  if (clock === null) return invalid(index);
  const zone = utc ? { offset: 0 } : { timeZone };
  if (datedDay !== undefined) return done(instantOf(datedDay, clock, zone), index);

  const today = calendarDayIn(now, utc ? "UTC" : timeZone);
  const at = instantOf(today, clock, zone);
  const onDay =
    at.getTime() > now.getTime() + FUTURE_SLACK_MS ? instantOf(addDays(today, -1), clock, zone) : at;
  return done(onDay, index);
}

/**
 * A whole text as a time, by the rules of `/started at …` (an optional leading
 * `at`, nothing after the time, not in the future), or null when it is not one.
 */
export function parseWhen(text: string, ctx: ParseContext): Date | null {
  const time = parseTimePrefix(text.trim().replace(/^at\s+/i, ""), ctx.now, ctx.timeZone);
  return time.ok && time.rest === "" ? time.at : null;
}
