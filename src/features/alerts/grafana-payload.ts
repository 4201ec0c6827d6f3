import { z } from "zod";
import type { Alert, AlertLink } from "./alert.js";
import { alertmanagerAlertSchema, normaliseAlertmanagerAlert } from "./alertmanager-alert.js";
import { alertStatus, must, optionalUrl, stringMap } from "./payload-fields.js";

/**
 * Grafana alerting's webhook contact point: Alertmanager's payload (Grafana sends
 * version "1") plus `orgId`, `title`, `state` and `message`, and a few links per alert.
 */
const grafanaAlertSchema = alertmanagerAlertSchema.extend({
  dashboardURL: optionalUrl,
  panelURL: optionalUrl,
  silenceURL: optionalUrl,
});

export const grafanaPayloadSchema = z.object({
  receiver: z.string(must("expected a string")),
  status: alertStatus,
  alerts: z.array(grafanaAlertSchema, must("expected a list of alerts")).min(1, "must not be empty"),
  groupLabels: stringMap,
  commonLabels: stringMap,
  commonAnnotations: stringMap,
  externalURL: z.string(must("expected a string")),
  version: z.string(must("expected a string")),
  groupKey: z.string(must("expected a string")),
  truncatedAlerts: z.number(must("expected a number")).int().nonnegative().default(0),
  // Grafana's documentation marks these three "will be deprecated soon": read, never require.
  title: z.string(must("expected a string")).optional(),
  state: z.string(must("expected a string")).optional(),
  message: z.string(must("expected a string")).default(""),
});

export type GrafanaPayload = z.output<typeof grafanaPayloadSchema>;

export function normaliseGrafanaPayload(payload: GrafanaPayload): Alert[] {
  return payload.alerts.map((alert) => {
    const links: AlertLink[] = [];
    if (alert.dashboardURL) links.push({ href: alert.dashboardURL, text: "Dashboard" });
    if (alert.panelURL) links.push({ href: alert.panelURL, text: "Panel" });
    if (alert.silenceURL) links.push({ href: alert.silenceURL, text: "Silence" });
    const normalised = normaliseAlertmanagerAlert(alert, "grafana", links);
    // A lone alert without a description reads better with the contact point's message.
    if (normalised.summary === "" && payload.alerts.length === 1) {
      return { ...normalised, summary: payload.message.trim() };
    }
    return normalised;
  });
}
