/**
 * One alert as the app sees it, whichever monitoring system sent it. Every source's
 * payload is normalised into this shape before routing and dedupe look at it.
 */
export const ALERT_SOURCES = ["alertmanager", "grafana", "generic"] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

export type AlertStatus = "firing" | "resolved";

export interface AlertLink {
  href: string;
  text: string;
}

export interface Alert {
  source: AlertSource;
  /** Stable identity of the alert across notifications: the dedupe key. */
  fingerprint: string;
  status: AlertStatus;
  /** Labels as sent; routing matches on them (`service`, `severity`, ...). */
  labels: Readonly<Record<string, string>>;
  title: string;
  /** Longer text for the incident body; empty when the source gave none. */
  summary: string;
  /** When impact started, ISO 8601 UTC: the incident's *started* time. */
  startsAt: string;
  /** When the alert stopped firing; null while it fires. */
  endsAt: string | null;
  links: readonly AlertLink[];
  /** The page in the monitoring system that produced the alert, when given. */
  generatorURL: string | null;
}

export function isAlertSource(text: string): text is AlertSource {
  return (ALERT_SOURCES as readonly string[]).includes(text);
}
