import type { Config } from "../../config/schema.js";
import type { HistoryComment, IssueHistory } from "../history.js";
import type { IncidentState } from "../incident-state.js";
import { isApp, readMarkers, trustedMarkers } from "../markers.js";
import type { ProjectionContext } from "./projection-context.js";
import { addEntry, changeStatus, declare, reopen } from "./state-changes.js";
import { timelineWords } from "./timeline-words.js";

/**
 * What alerts did to an incident, read back from what the app wrote (§14): an issue an
 * alert opened declares itself (or waits in triage) at the moment it was created, which
 * is when the alert arrived (*detected*); its *started* is the alert's start. Repeats
 * and the alert's resolution live in one app comment per fingerprint, whose marker
 * carries the count; a re-firing soon after resolution reopens with its own comment.
 */
export function applyAlertIssue(state: IncidentState, history: IssueHistory, ctx: ProjectionContext): void {
  const { issue } = history;
  if (!isApp(issue.author, ctx.botLogin)) return;
  const opened = readMarkers(issue.body).find((marker) => marker.kind === "alert-issue");
  if (!opened) return;
  const started = parseTime(opened.fields.started);
  if (started && started.getTime() <= issue.createdAt.getTime()) state.times.started = started;
  if (opened.fields.mode === "triage") {
    state.triage = true;
    addEntry(state, "triage", issue.createdAt, "", timelineWords.alertTriage);
    return;
  }
  state.times.detected = issue.createdAt;
  declare(state, issue.createdAt, "", "alert", opened.fields.severity ?? null, ctx.config);
}

/** The app's alert comments: one counted entry per fingerprint, its resolution, a reopening. */
export function applyAlertComment(
  state: IncidentState,
  comment: HistoryComment,
  ctx: ProjectionContext,
): void {
  if (!state.declaration) return;
  for (const found of trustedMarkers(comment, ctx.botLogin)) {
    const title = decode(found.fields.title) ?? "alert";
    if (found.kind === "alert-record") applyRecord(state, found.fields, comment, ctx);
    if (found.kind === "alert-reopened" && state.resolution) {
      const words = timelineWords.alertReopened(title, found.fields.after?.replace(/_/g, " ") ?? "soon");
      reopen(state, comment.at, "", "alert", words, ctx.config, { url: comment.url, commentId: null });
    }
  }
}

function parseTime(text: string | undefined): Date | null {
  if (!text) return null;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? null : time;
}

function decode(text: string | undefined): string | null {
  if (!text) return null;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function hhmm(at: Date, config: Config): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: config.timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

/**
 * A record kept in the alert issue's body (the content budget had no room for a
 * comment, §14): read like a comment's, placed at its last firing. Applied after the
 * items, so a mitigation it records follows what people did.
 */
export function applyAlertBodyRecords(
  state: IncidentState,
  history: IssueHistory,
  ctx: ProjectionContext,
): void {
  const { issue } = history;
  if (!state.declaration || !isApp(issue.author, ctx.botLogin)) return;
  for (const found of readMarkers(issue.body)) {
    if (found.kind !== "alert-record") continue;
    const at = parseTime(found.fields.last) ?? issue.createdAt;
    applyRecord(state, found.fields, { at, url: issue.url }, ctx);
  }
}

function applyRecord(
  state: IncidentState,
  fields: Readonly<Record<string, string>>,
  where: { at: Date; url: string },
  ctx: ProjectionContext,
): void {
  const title = decode(fields.title) ?? "alert";
  const firings = Number(fields.firings ?? "1");
  const last = parseTime(fields.last);
  if (firings > 1 && last) {
    const text = timelineWords.alertRepeats(title, firings, hhmm(last, ctx.config));
    addEntry(state, "alert", where.at, "", text, { url: where.url });
  }
  const resolved = parseTime(fields.resolved);
  if (resolved) {
    addEntry(state, "alert", resolved, "", timelineWords.alertResolved(title), { url: where.url });
    // Not `state.open`: that is the issue as it is now, and a closed incident must keep its mitigation.
    if (fields.mitigate === "1" && state.times.mitigated === null && !state.resolution)
      changeStatus(state, ctx.config.mitigatedStatus, resolved, "", "alert", null, ctx.config);
  }
}
