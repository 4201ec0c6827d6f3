import { z } from "zod";
import type { Alert, AlertLink, AlertSource } from "./alert.js";
import { alertStatus, isoTime, must, optionalEndTime, optionalUrl, stringMap } from "./payload-fields.js";

/**
 * One entry of `alerts[]` as Alertmanager (webhook version 4) and Grafana send it.
 * Objects are not strict: both systems add fields between releases, and an extra
 * field must not turn a page into a 400.
 */
export const alertmanagerAlertSchema = z.object({
  status: alertStatus,
  labels: stringMap,
  annotations: stringMap.default({}),
  startsAt: isoTime,
  endsAt: optionalEndTime,
  generatorURL: optionalUrl,
  fingerprint: z.string(must("expected the alert's fingerprint (a string)")).min(1, "must not be empty"),
});

export type AlertmanagerAlert = z.output<typeof alertmanagerAlertSchema>;

/** Title and summary come from the annotations people write in their alerting rules. */
export function normaliseAlertmanagerAlert(
  alert: AlertmanagerAlert,
  source: AlertSource,
  extraLinks: readonly AlertLink[] = [],
): Alert {
  const { labels, annotations } = alert;
  const title = annotations.summary || annotations.title || labels.alertname || `Alert ${alert.fingerprint}`;
  const summary = annotations.description || annotations.message || "";
  const links: AlertLink[] = [];
  if (alert.generatorURL) links.push({ href: alert.generatorURL, text: "Source" });
  if (annotations.runbook_url) links.push({ href: annotations.runbook_url, text: "Runbook" });
  links.push(...extraLinks);
  return {
    source,
    fingerprint: alert.fingerprint,
    status: alert.status,
    labels,
    title: title.trim(),
    summary: summary.trim(),
    startsAt: alert.startsAt,
    endsAt: alert.endsAt,
    links,
    generatorURL: alert.generatorURL,
  };
}
