import { z } from "zod";
import type { Alert } from "./alert.js";
import { alertmanagerAlertSchema, normaliseAlertmanagerAlert } from "./alertmanager-alert.js";
import { alertStatus, must, stringMap } from "./payload-fields.js";

/** Prometheus Alertmanager's webhook payload, version "4" (the only version it sends). */
export const alertmanagerPayloadSchema = z.object({
  version: z.literal("4", must('expected "4" (the Alertmanager webhook version this app reads)')),
  groupKey: z.string(must("expected a string")),
  // Added in Alertmanager 0.22; older senders omit it.
  truncatedAlerts: z.number(must("expected a number")).int().nonnegative().default(0),
  status: alertStatus,
  receiver: z.string(must("expected a string")),
  groupLabels: stringMap,
  commonLabels: stringMap,
  commonAnnotations: stringMap,
  externalURL: z.string(must("expected a string")),
  alerts: z.array(alertmanagerAlertSchema, must("expected a list of alerts")).min(1, "must not be empty"),
});

export type AlertmanagerPayload = z.output<typeof alertmanagerPayloadSchema>;

export function normaliseAlertmanagerPayload(payload: AlertmanagerPayload): Alert[] {
  return payload.alerts.map((alert) => normaliseAlertmanagerAlert(alert, "alertmanager"));
}
