import type { AlertsConfig } from "../../config/alerts-schema.js";
import type { Alert } from "./alert.js";

/**
 * Where an alert goes: a repository and a severity, and whether it declares an
 * incident or waits in triage. An alert is never dropped silently: without a route
 * or a default repository the answer says why it was refused (the server's 422).
 */
export type AlertRoute =
  | { kind: "declare"; repository: string; severity: string; routeIndex: number }
  | { kind: "triage"; repository: string; severity: string; routeIndex: number | null; reason: string }
  | { kind: "reject-unmapped"; reason: string };

export type RoutingConfig = Pick<
  AlertsConfig,
  "routes" | "defaultRepository" | "severityLabel" | "severityFromLabel" | "defaultSeverity" | "triageBelow"
>;

/** `severityOrder` lists the configured severity names, most severe first. */
export function routeAlert(
  alert: Alert,
  config: RoutingConfig,
  severityOrder: readonly string[],
): AlertRoute {
  const routeIndex = config.routes.findIndex((route) => matches(route.match, alert.labels));
  const route = routeIndex === -1 ? undefined : config.routes[routeIndex];
  const severity =
    route?.severity ?? severityFromAlert(alert, config, severityOrder) ?? config.defaultSeverity;

  if (!route) {
    const reason = `no route matches ${describeLabels(alert.labels)}`;
    if (!config.defaultRepository) {
      return { kind: "reject-unmapped", reason: `${reason}, and no default repository is configured` };
    }
    return { kind: "triage", repository: config.defaultRepository, severity, routeIndex: null, reason };
  }
  const rank = severityOrder.indexOf(severity);
  if (rank === -1) {
    const reason = `severity ${severity} is not one of ${severityOrder.join(", ")}`;
    return { kind: "triage", repository: route.repository, severity, routeIndex, reason };
  }
  const triageRank = config.triageBelow === null ? -1 : severityOrder.indexOf(config.triageBelow);
  if (triageRank !== -1 && rank > triageRank) {
    const reason = `${severity} is less severe than ${config.triageBelow}`;
    return { kind: "triage", repository: route.repository, severity, routeIndex, reason };
  }
  return { kind: "declare", repository: route.repository, severity, routeIndex };
}

function matches(
  match: Readonly<Record<string, string | readonly string[]>>,
  labels: Alert["labels"],
): boolean {
  return Object.entries(match).every(([name, wanted]) => {
    const value = labels[name];
    if (value === undefined) return false;
    return typeof wanted === "string" ? value === wanted : wanted.includes(value);
  });
}

/** The label's value through the map (case-insensitive), or a severity name given directly. */
function severityFromAlert(
  alert: Alert,
  config: RoutingConfig,
  severityOrder: readonly string[],
): string | undefined {
  const value = alert.labels[config.severityLabel]?.trim();
  if (!value) return undefined;
  const mapped = config.severityFromLabel[value.toLowerCase()];
  if (mapped) return mapped;
  return severityOrder.find((name) => name.toLowerCase() === value.toLowerCase());
}

/** `service=search, severity=critical`; the labels people route on come first. */
function describeLabels(labels: Alert["labels"]): string {
  const names = Object.keys(labels).sort((a, b) => rankLabel(a) - rankLabel(b) || a.localeCompare(b));
  if (names.length === 0) return "an alert without labels";
  return names
    .slice(0, 4)
    .map((name) => `${name}=${labels[name]}`)
    .join(", ");
}

function rankLabel(name: string): number {
  const order = ["service", "severity", "alertname"];
  const index = order.indexOf(name);
  return index === -1 ? order.length : index;
}
