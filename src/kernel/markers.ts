import { boundedMemo } from "./bounded-memo.js";
import type { Actor, HistoryComment } from "./history.js";

/**
 * Hidden markers tie everything the app writes to where it came from, so a
 * redelivered webhook finds its earlier work instead of repeating it. A marker
 * counts only in a comment authored by the app's own bot account (§2.4), and only
 * on a line of its own outside code: the app quotes what people typed in code spans
 * and blocks, and a marker someone typed must not come alive in the app's reply.
 */

export type MarkerKind =
  | "timeline"
  | "declaration"
  /** The phase checklist: the tick state it wrote (`w`) and who ticked what (`ticks`). */
  | "checklist"
  | "reply"
  | "config-error"
  | "triage"
  /** In the body of a revert pull request the app opened. */
  | "revert"
  /** In the body of the review pull request, and at the top of the review file. */
  | "pir"
  /** After each heading of the review file: the hash of what the app wrote there. */
  | "pir-section"
  /** In the app's comment linking a pull request to an incident. */
  | "link"
  /** Around the recurrence note in the declaration message (the review copies it). */
  | "recurrence"
  /** Around the suspects in the declaration message. */
  | "suspects"
  /** In the reply to `/rollback`: the deployment it created and the statuses seen so far. */
  | "rollback"
  // Action items (§8): the item's own body, the incident's note that it was created, board problems.
  | "action-item"
  | "action-item-created"
  | "board-problem"
  // The sweep (§10): reminders and escalations carry the window they were sent for.
  | "reminder"
  | "escalation"
  | "auto-severity"
  // Written when the post-incident review is merged; ends PIR reminders.
  | "pir-merged"
  /** On the merged review pull request: what became of its action-items table. */
  | "pir-items"
  /** A command typed in Slack, posted by the app for the mapped person (§15). */
  | "from-slack"
  // Alerts (§14): the fingerprint in the body of an issue an alert opened, how the
  // issue was opened, the one record per fingerprint of its repeats and resolution,
  // and a reopening by an alert firing again soon after resolution.
  | "alert"
  | "alert-issue"
  | "alert-record"
  | "alert-reopened"
  // An alert storm (§14): the incident new fingerprints beyond the budget are grouped
  // into, and its one record of the grouped fingerprints and their firings.
  | "alert-storm"
  | "alert-storm-record"
  // Paging (§14): what the paging service was told, and what came back from it.
  | "page"
  | "page-back"
  /** On the closed pointer issue left where a moved incident was (`organisation.moveIncidents`). */
  | "moved";

export interface Marker {
  readonly kind: MarkerKind;
  readonly fields: Readonly<Record<string, string>>;
}

const PREFIX = "incident-app";
const MARKER_LINE = /^<!--\s*incident-app:([a-z-]+)((?:\s+[a-z]+=[^\s>]*)*)\s*-->\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function marker(kind: MarkerKind, fields: Record<string, string | number> = {}): string {
  const attrs = Object.entries(fields)
    .map(([key, value]) => ` ${key}=${String(value).replace(/\s|>|--/g, "_")}`)
    .join("");
  return `<!-- ${PREFIX}:${kind}${attrs} -->`;
}

/**
 * Read by every rule that looks at a comment, in each round of each event: remembered by
 * the body itself (an edited body is another key), at most 256 bodies and a million
 * characters of them (a timeline comment with its checkpoint is about 35,000).
 */
const MARKERS_OF = boundedMemo<readonly Marker[]>(256, { maxKeyChars: 1_000_000 });
const NONE: readonly Marker[] = Object.freeze([]);

export function readMarkers(body: string): readonly Marker[] {
  // Every marker line names the app: most comments have none, and need no reading.
  if (!body.includes(`${PREFIX}:`)) return NONE;
  return MARKERS_OF.get(body, () => Object.freeze(parseMarkers(body)));
}

function parseMarkers(body: string): Marker[] {
  const found: Marker[] = [];
  let fence: string | null = null;
  for (const line of body.split(/\r?\n/)) {
    const opening = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (
        opening !== undefined &&
        opening[0] === fence[0] &&
        opening.length >= fence.length &&
        line.trim() === opening
      )
        fence = null;
      continue;
    }
    if (opening) {
      fence = opening;
      continue;
    }
    const match = MARKER_LINE.exec(line);
    if (!match) continue;
    const fields: Record<string, string> = {};
    for (const pair of (match[2] ?? "").trim().split(/\s+/)) {
      const eq = pair.indexOf("=");
      if (eq > 0) fields[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    found.push(Object.freeze({ kind: match[1] as MarkerKind, fields: Object.freeze(fields) }));
  }
  return found;
}

export function isApp(actor: Actor | null, botLogin: string): boolean {
  return actor !== null && actor.kind === "Bot" && actor.login === botLogin;
}

/** The markers of a comment, but only if the app wrote it. */
export function trustedMarkers(comment: HistoryComment, botLogin: string): readonly Marker[] {
  return isApp(comment.author, botLogin) ? readMarkers(comment.body) : [];
}
