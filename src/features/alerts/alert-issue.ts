import type { Config } from "../../config/schema.js";
import { marker, readMarkers } from "../../kernel/markers.js";
import { dateTime, zoneLabel } from "../../render/format-time.js";
import type { Alert } from "./alert.js";
import { renderAlertMarker } from "./alert-marker.js";
import { alertWords } from "./alert-words.js";
import type { AlertRoute } from "./route-alert.js";

/**
 * What the app writes on GitHub for an alert: the issue a new fingerprint opens (a
 * body the issue form's parser reads, with the fingerprint marker and how it was
 * opened), and the one comment per fingerprint that counts its repeats.
 */
export interface AlertIssue {
  title: string;
  body: string;
  labels: string[];
}

const TITLE_LIMIT = 256;

export function alertIssue(
  alert: Alert,
  route: Extract<AlertRoute, { kind: "declare" | "triage" }>,
  config: Config,
): AlertIssue {
  return issueFor(alert, route, config, {
    title: alert.title,
    impact: alert.summary || alert.title || alertWords.noSummary,
    marker: renderAlertMarker({ source: alert.source, fingerprint: alert.fingerprint }),
  });
}

/** The storm incident (§14), opened by the first alert beyond the budget: it holds no fingerprint of its own. */
export function stormIssue(
  alert: Alert,
  route: Extract<AlertRoute, { kind: "declare" | "triage" }>,
  config: Config,
  budget: number,
): AlertIssue {
  return issueFor(alert, route, config, {
    title: alertWords.stormTitle(route.repository),
    impact: alertWords.stormSummary(budget),
    marker: marker("alert-storm", {}),
  });
}

function issueFor(
  alert: Alert,
  route: Extract<AlertRoute, { kind: "declare" | "triage" }>,
  config: Config,
  own: { title: string; impact: string; marker: string },
): AlertIssue {
  const links = alert.links.map((link) => `- [${link.text}](${link.href})`).join("\n");
  const sections: Array<[string, string]> = [
    ["Severity", route.severity],
    ["What is broken / user impact", own.impact],
    ["Affected services", alert.labels.service ?? "_No response_"],
    ["When it started", alert.startsAt.replace(/\.000Z$/, "Z")],
    ["How it was detected", alertWords.detection(alert.source, alert.fingerprint)],
    ["Links", links || "_No response_"],
  ];
  const mode = route.kind === "declare" ? "declare" : "triage";
  const body = [
    ...sections.flatMap(([heading, text]) => [`### ${heading}`, "", text, ""]),
    own.marker,
    marker("alert-issue", {
      mode,
      severity: route.severity,
      started: alert.startsAt.replace(/\.000Z$/, "Z"),
    }),
    "",
  ].join("\n");
  const labels = mode === "declare" ? [config.labels.incident, route.severity] : [config.labels.triage];
  const title = own.title.length > TITLE_LIMIT ? `${own.title.slice(0, TITLE_LIMIT - 1)}…` : own.title;
  return { title, body, labels };
}

/** The record of one fingerprint's repeats and resolution, read back from its marker. */
export interface AlertRecord {
  firings: number;
  last: string;
  resolved: string | null;
  mitigate: boolean;
}

export function readAlertRecord(fields: Readonly<Record<string, string>>): AlertRecord {
  const firings = Number(fields.firings);
  return {
    firings: Number.isInteger(firings) && firings > 0 ? firings : 1,
    last: fields.last ?? "",
    resolved: fields.resolved || null,
    mitigate: fields.mitigate === "1",
  };
}

/** The record's comment body: what people read, and the marker the projection counts from. */
export function alertRecordBody(alert: Alert, record: AlertRecord, config: Config): string {
  const when = (iso: string) => `${dateTime(new Date(iso), config.timeZone)} ${zoneLabel(config.timeZone)}`;
  const fields: Record<string, string | number> = {
    source: alert.source,
    fingerprint: markerText(alert.fingerprint),
    title: markerText(alert.title.slice(0, 200)),
    firings: record.firings,
    last: record.last,
  };
  if (record.resolved) fields.resolved = record.resolved;
  if (record.mitigate) fields.mitigate = 1;
  const lines = [
    marker("alert-record", fields),
    alertWords.record(alert.title, record.firings, when(record.last)),
  ];
  if (record.resolved) lines.push(alertWords.recordResolved(when(record.resolved)));
  return `${lines.join("\n")}\n`;
}

/**
 * The record kept in the alert issue's own body instead of a comment, when the content
 * budget has no room for one (§14): an edit of the app's issue creates no content.
 * Only the hidden marker; the timeline shows the count as it does a comment's.
 */
export function withBodyRecord(body: string, alert: Alert, record: AlertRecord, config: Config): string {
  const line = alertRecordBody(alert, record, config).split("\n")[0] ?? "";
  const kept = body.split("\n").filter((text) => !recordLineOf(text, alert));
  while (kept.length > 0 && kept.at(-1) === "") kept.pop();
  return `${[...kept, line].join("\n")}\n`;
}

function recordLineOf(line: string, alert: Alert): boolean {
  return readMarkers(line).some((found) => found.kind === "alert-record" && isRecordOf(found.fields, alert));
}

/** The comment that reopens an incident whose alert fired again soon after resolution. */
export function alertReopenedBody(alert: Alert, resolvedAgoMs: number): string {
  const after = `${Math.max(1, Math.round(resolvedAgoMs / 60_000))} min`;
  return [
    marker("alert-reopened", { title: markerText(alert.title.slice(0, 200)), after }),
    alertWords.reopened(alert.title, after),
    "",
  ].join("\n");
}

/** Whether a record marker is this alert's. */
export function isRecordOf(fields: Readonly<Record<string, string>>, alert: Alert): boolean {
  return fields.source === alert.source && fields.fingerprint === markerText(alert.fingerprint);
}

/** Percent-encoded, `-` too: a marker value may hold no space, `>` or `--`. */
export function markerText(text: string): string {
  return encodeURIComponent(text).replace(/-/g, "%2D");
}
