/**
 * GitHub's content-creating limits as alerts spend them (§14). GitHub allows about 80
 * content-creating requests (issues, comments) a minute and 500 an hour per account;
 * alerts take `storm.contentPerMinute` and `storm.contentPerHour` of them in any 60
 * seconds and any hour (sliding windows: fixed ones would allow twice the limit across
 * a boundary), and leave the rest to people's commands and the sweep.
 *
 * Before a write that creates content, the pipeline reserves what it will cost; when
 * the windows cannot take it, the alert is folded instead (grouped into the storm
 * incident's record, or its count kept in the issue's own body: edits create no
 * content). Incidents of their own stop short of the limit by the storm's reserve, so
 * the storm incident can still be opened when they have used their share.
 */
export interface ContentLimits {
  perMinute: number;
  perHour: number;
}

/** What the content pays for: incidents of their own stop at the storm's reserve. */
export type ContentSpend = "own" | "storm";

/**
 * Upper bounds of content-creating requests, as the storm tests count them with the
 * default configuration: an incident's issue and its declaration, checklist and
 * timeline comments, and one more when a record of its firings comes with it; the
 * storm incident is that and its record. What an action really made is settled
 * afterwards (pipelines/alert-content), so a configuration that writes more is
 * counted too.
 */
export const CONTENT_COST = {
  declare: 4,
  declareWithRecord: 5,
  openStorm: 5,
  stormRecord: 1,
  record: 1,
  reopen: 1,
} as const;

/** Kept for the storm incident: its issue, comments and record, and one to spare. */
export const STORM_RESERVE = CONTENT_COST.openStorm + 1;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

export function limitsFor(spend: ContentSpend, limits: ContentLimits): ContentLimits {
  if (spend === "storm") return limits;
  return {
    perMinute: Math.max(0, limits.perMinute - STORM_RESERVE),
    perHour: Math.max(0, limits.perHour - STORM_RESERVE),
  };
}

/** The times (epoch ms) of content made within the last hour before `now`. */
export function withinHour(stamps: readonly number[], now: number): number[] {
  return stamps.filter((at) => at > now - HOUR_MS);
}

/** Whether `cost` more at `now` keeps both windows within `limits`. */
export function admits(stamps: readonly number[], now: number, cost: number, limits: ContentLimits): boolean {
  if (cost <= 0) return true;
  const hour = withinHour(stamps, now).length;
  const minute = stamps.filter((at) => at > now - MINUTE_MS).length;
  return minute + cost <= limits.perMinute && hour + cost <= limits.perHour;
}

/** Seconds until `cost` fits both windows again (the answer's Retry-After). */
export function secondsUntilRoom(
  stamps: readonly number[],
  now: number,
  cost: number,
  limits: ContentLimits,
): number {
  const kept = withinHour(stamps, now);
  // Room comes back only when a stamp leaves a window.
  const moments = kept.flatMap((at) => [at + MINUTE_MS, at + HOUR_MS]).filter((at) => at >= now);
  for (const at of moments.sort((a, b) => a - b))
    if (admits(kept, at, cost, limits)) return Math.max(1, Math.ceil((at - now) / 1000));
  return HOUR_MS / 1000;
}
