import type { Config } from "../../config/schema.js";
import { marker, readMarkers } from "../../kernel/markers.js";
import { dateTime, zoneLabel } from "../../render/format-time.js";
import type { Alert, AlertSource } from "./alert.js";
import { isAlertSource } from "./alert.js";
import { markerText } from "./alert-issue.js";
import { parseAlertMarkers } from "./alert-marker.js";
import { alertWords } from "./alert-words.js";

/**
 * Alert storms (§14): GitHub allows about 80 content-creating requests a minute, and
 * an incident of its own costs about 3 (issue, declaration, timeline). So a repository
 * opens at most `newIncidentsPerMinute` alert incidents a minute; new fingerprints
 * beyond that are grouped into one open "alert storm" incident, whose one record
 * comment lists them and counts their firings, updated in place. The count of recent
 * creations comes from the same read that finds incidents by fingerprint: GitHub
 * stays the only database.
 */

/** An issue as the find reads it, with when it was opened. */
export interface StormCandidate {
  number: number;
  body: string;
  authoredByApp: boolean;
  state: "open" | "closed";
  createdAt: string;
}

const MINUTE_MS = 60_000;

export function isStormIncident(issue: Pick<StormCandidate, "body" | "authoredByApp">): boolean {
  return issue.authoredByApp && readMarkers(issue.body).some((found) => found.kind === "alert-storm");
}

/** Alert incidents (and storm incidents) the app opened in the minute before `now`. */
export function openedInLastMinute(issues: readonly StormCandidate[], now: Date): number {
  const since = now.getTime() - MINUTE_MS;
  return issues.filter(
    (issue) =>
      issue.authoredByApp &&
      Date.parse(issue.createdAt) > since &&
      (parseAlertMarkers(issue.body).length > 0 || isStormIncident(issue)),
  ).length;
}

/** The repository's open storm incident, newest first. */
export function openStorm<T extends StormCandidate>(issues: readonly T[]): T | null {
  let found: T | null = null;
  for (const issue of issues)
    if (issue.state === "open" && isStormIncident(issue) && (!found || issue.number > found.number))
      found = issue;
  return found;
}

export type NewFingerprintDecision =
  | { kind: "declare-own" }
  | { kind: "open-storm" }
  | { kind: "join-storm"; number: number };

/** A fingerprint no incident holds: its own incident while the budget lasts, else the storm's. */
export function decideNewFingerprint(
  openedLastMinute: number,
  budget: number,
  storm: { number: number } | null,
): NewFingerprintDecision {
  if (openedLastMinute < budget) return { kind: "declare-own" };
  return storm ? { kind: "join-storm", number: storm.number } : { kind: "open-storm" };
}

/** One grouped fingerprint on the storm's record. */
export interface Grouped {
  source: AlertSource;
  fingerprint: string;
  title: string;
  firings: number;
}

export interface StormRecord {
  grouped: Grouped[];
  /** Fingerprints beyond the listed ones (the comment has a size limit): counted only. */
  unlisted: number;
  unlistedFirings: number;
  last: string;
}

export const EMPTY_STORM: StormRecord = { grouped: [], unlisted: 0, unlistedFirings: 0, last: "" };

/** Listed fingerprints at most: keeps the record well inside GitHub's 65,536 characters. */
const MAX_LISTED = 250;

/** Marker field names are lower-case letters only (kernel/markers). */
export function readStormRecord(fields: Readonly<Record<string, string>>): StormRecord {
  const grouped: Grouped[] = [];
  for (const item of (fields.grouped ?? "").split(",")) {
    const [source, fingerprint, title, firings] = item.split(":").map(decode);
    const count = Number(firings);
    if (source && isAlertSource(source) && fingerprint && Number.isInteger(count) && count > 0)
      grouped.push({ source, fingerprint, title: title ?? "", firings: count });
  }
  const number = (text: string | undefined) => (Number.isInteger(Number(text)) ? Number(text) : 0);
  return {
    grouped,
    unlisted: number(fields.more),
    unlistedFirings: number(fields.morefirings),
    last: fields.last ?? "",
  };
}

/** Whether the storm's record lists this alert's fingerprint. */
export function isGrouped(record: StormRecord, alert: Alert): boolean {
  return record.grouped.some((one) => one.source === alert.source && one.fingerprint === alert.fingerprint);
}

/** The record with this alert's firings counted: on its line when listed, else added. */
export function countOnStorm(record: StormRecord, alert: Alert, firings: number, at: string): StormRecord {
  const same = (one: Grouped) => one.source === alert.source && one.fingerprint === alert.fingerprint;
  if (record.grouped.some(same))
    return {
      ...record,
      last: at,
      grouped: record.grouped.map((one) => (same(one) ? { ...one, firings: one.firings + firings } : one)),
    };
  if (record.grouped.length >= MAX_LISTED)
    return {
      ...record,
      last: at,
      unlisted: record.unlisted + 1,
      unlistedFirings: record.unlistedFirings + firings,
    };
  const added = {
    source: alert.source,
    fingerprint: alert.fingerprint,
    title: alert.title.slice(0, 120),
    firings,
  };
  return { ...record, last: at, grouped: [...record.grouped, added] };
}

export function stormRecordBody(record: StormRecord, config: Config): string {
  const firings = record.grouped.reduce((sum, one) => sum + one.firings, record.unlistedFirings);
  const count = record.grouped.length + record.unlisted;
  const last = record.last
    ? `${dateTime(new Date(record.last), config.timeZone)} ${zoneLabel(config.timeZone)}`
    : "—";
  const grouped = record.grouped
    .map((one) => [one.source, one.fingerprint, one.title, String(one.firings)].map(markerText).join(":"))
    .join(",");
  const lines = [
    marker("alert-storm-record", {
      grouped,
      more: record.unlisted,
      morefirings: record.unlistedFirings,
      last: record.last,
    }),
    alertWords.stormRecord(count, firings, last),
    "",
    ...record.grouped.map((one) => alertWords.stormListed(one.title, one.fingerprint, one.firings)),
  ];
  if (record.unlisted > 0) lines.push(alertWords.stormUnlisted(record.unlisted));
  return `${lines.join("\n")}\n`;
}

function decode(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
