import type { Config } from "../../config/schema.js";

/**
 * The label names that decide whether an issue event can change an incident, from the
 * config, so a renamed incident, severity or status label routes like the defaults.
 * Label names compare case-insensitively, as GitHub treats them.
 */
export interface RouteLabels {
  /** A label that makes an issue an incident (or a report waiting in triage). */
  marksIncident(label: string): boolean;
  /** A label the app owns on incidents: adding or removing it may declare or change one. */
  isOurs(label: string): boolean;
}

export function routeLabels(config: Config): RouteLabels {
  const { labels } = config;
  const marking = new Set([labels.incident, labels.triage, labels.freeze].map(lower));
  const ours = new Set([
    ...marking,
    ...config.severities.map((severity) => lower(severity.name)),
    ...config.statuses.map((status) => lower(`${labels.statusPrefix}${status}`)),
  ]);
  return {
    marksIncident: (label) => marking.has(lower(label)),
    isOurs: (label) => ours.has(lower(label)),
  };
}

function lower(name: string): string {
  return name.toLowerCase();
}
