import type { z } from "zod";
import type { AlertsConfig } from "./alerts-schema.js";
import { checkSeverityRef } from "./check-consistency.js";
import type { PagingConfig } from "./paging-schema.js";

/**
 * Checks across `alerts`, `paging` and `severities`: every severity an alert can be
 * routed to, and every severity paging names, must be a configured severity; a source
 * signed with HMAC needs a header; a `pageAfter` only means something for `notify`.
 */
export type AlertsPagingInput = {
  severities: ReadonlyArray<{ name: string; aliases: readonly string[] }>;
  alerts: AlertsConfig;
  paging: PagingConfig;
};

export function checkAlertsPagingConsistency(config: AlertsPagingInput, ctx: z.RefinementCtx): void {
  const { alerts, paging } = config;
  // The defaults name SEV-1…SEV-4; with other severities they matter only once used.
  if (Object.keys(alerts.sources).length > 0 || alerts.routes.length > 0) checkAlerts(config, ctx);
  if (paging.service !== "none") checkPaging(config, ctx);
}

function checkAlerts(config: AlertsPagingInput, ctx: z.RefinementCtx): void {
  const { alerts } = config;
  alerts.routes.forEach((route, index) => {
    if (route.severity !== undefined)
      checkSeverityRef(config, route.severity, ["alerts", "routes", index, "severity"], ctx);
  });
  checkSeverityRef(config, alerts.defaultSeverity, ["alerts", "defaultSeverity"], ctx);
  if (alerts.triageBelow !== null)
    checkSeverityRef(config, alerts.triageBelow, ["alerts", "triageBelow"], ctx);
  for (const [value, severity] of Object.entries(alerts.severityFromLabel)) {
    if (DEFAULT_LABEL_SEVERITIES[value] !== severity)
      checkSeverityRef(config, severity, ["alerts", "severityFromLabel", value], ctx);
  }
}

function checkPaging(config: AlertsPagingInput, ctx: z.RefinementCtx): void {
  const { paging } = config;
  const names = new Set(config.severities.map((severity) => severity.name));
  for (const [name, setting] of Object.entries(paging.severities)) {
    if (!names.has(name) && !isDefaultSeverityName(name))
      checkSeverityRef(config, name, ["paging", "severities", name], ctx);
    if (setting.pageAfter !== undefined && setting.mode !== "notify") {
      ctx.addIssue({
        code: "custom",
        path: ["paging", "severities", name, "pageAfter"],
        message: "only means something with `mode: notify` (a page is already a page)",
      });
    }
  }
}

/** An unchanged default entry (its severity may not exist in a renamed list): it just never applies. */
const DEFAULT_LABEL_SEVERITIES: Readonly<Record<string, string>> = {
  critical: "SEV-1",
  page: "SEV-1",
  high: "SEV-2",
  error: "SEV-2",
  warning: "SEV-3",
  info: "SEV-4",
};

function isDefaultSeverityName(name: string): boolean {
  return /^SEV-[1-4]$/.test(name);
}
