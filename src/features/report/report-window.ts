import type { ReportWindow } from "./report-types.js";

/** Report periods and calendar months, all in UTC so a report reads the same anywhere. */

const DAY_MS = 86_400_000;

export function monthKey(at: Date): string {
  return at.toISOString().slice(0, 7);
}

export function startOfUtcMonth(at: Date, monthsLater = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + monthsLater, 1));
}

/**
 * The calendar months touched by `[from, to)`, each with the instant it ends (its
 * last moment inside the window), oldest first.
 */
export function monthsOf(window: ReportWindow): Array<{ month: string; end: Date }> {
  const months: Array<{ month: string; end: Date }> = [];
  for (let start = startOfUtcMonth(window.from); start < window.to; start = startOfUtcMonth(start, 1)) {
    const next = startOfUtcMonth(start, 1);
    months.push({ month: monthKey(start), end: new Date(Math.min(next.getTime(), window.to.getTime())) });
  }
  return months;
}

/**
 * The default report period: from the start of the month `months` months before
 * `now` up to `now`. Run on the 1st of a month, that is exactly the last `months`
 * full months.
 */
export function monthsBefore(now: Date, months = 6): ReportWindow {
  return { from: startOfUtcMonth(now, -months), to: now };
}

/** The last `days` days up to `now` (the `/metrics` reply uses 90). */
export function lastDays(now: Date, days = 90): ReportWindow {
  return { from: new Date(now.getTime() - days * DAY_MS), to: now };
}

export function inWindow(at: Date, window: ReportWindow): boolean {
  return at.getTime() >= window.from.getTime() && at.getTime() < window.to.getTime();
}
