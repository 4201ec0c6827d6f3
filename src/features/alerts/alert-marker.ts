import { type AlertSource, isAlertSource } from "./alert.js";

/**
 * The hidden marker an alert's incident carries in its body, so the app finds the
 * incident for a fingerprint by reading issue bodies (or one search), with no store
 * of its own. Values are percent-encoded, so no fingerprint can close the comment.
 */
export interface AlertMarker {
  source: AlertSource;
  fingerprint: string;
}

const MARKER = /<!--\s*incident-app:alert\s+([^>]*?)\s*-->/g;

export function renderAlertMarker(marker: AlertMarker): string {
  return `<!-- incident-app:alert fingerprint=${encodeURIComponent(marker.fingerprint)} source=${marker.source} -->`;
}

/** Every well-formed marker in a body, in order; malformed ones are skipped. */
export function parseAlertMarkers(body: string): AlertMarker[] {
  const markers: AlertMarker[] = [];
  for (const match of body.matchAll(MARKER)) {
    const fields = new Map<string, string>();
    for (const pair of (match[1] ?? "").split(/\s+/)) {
      const equals = pair.indexOf("=");
      if (equals > 0) fields.set(pair.slice(0, equals), pair.slice(equals + 1));
    }
    const fingerprint = decode(fields.get("fingerprint"));
    const source = fields.get("source");
    if (fingerprint && source && isAlertSource(source)) markers.push({ source, fingerprint });
  }
  return markers;
}

/** A candidate incident as read back: its body and whether the app's bot wrote it. */
export interface MarkedIssue {
  number: number;
  body: string;
  authoredByApp: boolean;
}

/** Only the app's own markers count: anyone can paste one into an issue. Newest issue wins. */
export function findIssueForAlert<T extends MarkedIssue>(
  issues: readonly T[],
  wanted: AlertMarker,
): T | null {
  let found: T | null = null;
  for (const issue of issues) {
    if (!issue.authoredByApp) continue;
    const hit = parseAlertMarkers(issue.body).some(
      (marker) => marker.source === wanted.source && marker.fingerprint === wanted.fingerprint,
    );
    if (hit && (found === null || issue.number > found.number)) found = issue;
  }
  return found;
}

function decode(text: string | undefined): string | null {
  if (text === undefined || text === "") return null;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
