import type { Alert } from "./alert.js";

/**
 * What to do with one alert, given what GitHub already holds for its fingerprint.
 * Pure: the caller reads the incident (one read, by marker) and passes it in.
 */

/** The incident an earlier notification of this fingerprint opened, as read back from GitHub. */
export interface KnownIncident {
  repository: string;
  number: number;
  state: "open" | "closed";
  /** When the incident was resolved (closed); null while open. */
  resolvedAt: string | null;
  /** Firing notifications counted so far, the first included. */
  firings: number;
  /** Whether the alert's own resolution is already recorded on the incident. */
  alertResolved: boolean;
}

export interface DedupeSettings {
  /** Re-firing within this many milliseconds of resolution reopens instead of declaring anew. */
  flappingWindowMs: number;
  resolvedMarksMitigated: boolean;
}

export type AlertDecision =
  | { kind: "declare"; reason: "new-fingerprint" | "resolved-long-ago" }
  | { kind: "add-to-existing"; incident: KnownIncident; firings: number; refired: boolean }
  | { kind: "record-resolved"; incident: KnownIncident; endsAt: string; markMitigated: boolean }
  | { kind: "reopen"; incident: KnownIncident; resolvedAgoMs: number }
  | { kind: "ignore"; reason: string };

export function decideAlert(
  alert: Alert,
  known: KnownIncident | null,
  settings: DedupeSettings,
  now: Date,
): AlertDecision {
  if (alert.status === "resolved") return decideResolved(alert, known, settings, now);
  if (known === null) return { kind: "declare", reason: "new-fingerprint" };
  if (known.state === "open") {
    return {
      kind: "add-to-existing",
      incident: known,
      firings: known.firings + 1,
      refired: known.alertResolved,
    };
  }
  const resolvedAgoMs =
    known.resolvedAt === null ? Number.POSITIVE_INFINITY : now.getTime() - Date.parse(known.resolvedAt);
  if (resolvedAgoMs <= settings.flappingWindowMs) return { kind: "reopen", incident: known, resolvedAgoMs };
  return { kind: "declare", reason: "resolved-long-ago" };
}

function decideResolved(
  alert: Alert,
  known: KnownIncident | null,
  settings: DedupeSettings,
  now: Date,
): AlertDecision {
  if (known === null)
    return { kind: "ignore", reason: "resolved alert with no incident for its fingerprint" };
  if (known.state === "closed")
    return { kind: "ignore", reason: `incident #${known.number} is already resolved` };
  // Alertmanager repeats resolved notifications too; record the first only.
  if (known.alertResolved) return { kind: "ignore", reason: "the alert's resolution is already recorded" };
  return {
    kind: "record-resolved",
    incident: known,
    endsAt: alert.endsAt ?? now.toISOString(),
    markMitigated: settings.resolvedMarksMitigated,
  };
}
