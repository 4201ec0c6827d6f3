import type { SeverityPaging } from "../../config/paging-schema.js";
import type { Config } from "../../config/schema.js";
import type { ChatNotice } from "./chat-notice.js";

/**
 * What the paging service is told about an incident (§14), from the same notices the
 * chat targets hear (claimed once in the timeline's ledger, so each is sent once):
 * a declaration, a reopening or a severity raised pages per the severity's mode; an
 * acknowledgement or resolution on GitHub acknowledges or resolves the page. Pages are
 * deduplicated by incident id on the paging side.
 */
export type PageAction =
  | {
      action: "trigger";
      incidentId: string;
      severity: string;
      severityRank: number;
      urgency: "high" | "low";
      title: string;
      summary: string;
      incidentUrl: string;
      service: string | null;
    }
  | { action: "acknowledge" | "resolve"; incidentId: string };

export function pageActions(notices: readonly ChatNotice[], config: Config): PageAction[] {
  if (config.paging.service === "none") return [];
  const names = config.severities.map((severity) => severity.name);
  const actions: PageAction[] = [];
  for (const notice of notices) {
    const { incident } = notice;
    // A security incident's details stay on the issue: the page names only the id.
    const title = incident.security ? "Security incident" : incident.title;
    switch (notice.event) {
      case "declared":
      case "reopened":
      case "severity": {
        const severity = incident.severity;
        if (!severity) continue;
        const mode = modeOf(config.paging.severities[severity]);
        if (mode === "none") continue;
        if (notice.event === "severity" && !raised(names, notice.severities)) continue;
        actions.push({
          action: "trigger",
          incidentId: incident.id,
          severity,
          severityRank: Math.max(0, names.indexOf(severity)),
          urgency: mode === "page" ? "high" : "low",
          title,
          summary: incident.security ? "" : notice.event === "declared" ? (notice.detail ?? "") : "",
          incidentUrl: incident.url,
          service: incident.services[0] ?? null,
        });
        break;
      }
      case "acknowledged":
        // An acknowledgement that came from the paging service is not echoed back.
        if (!notice.fromPaging) actions.push({ action: "acknowledge", incidentId: incident.id });
        break;
      case "resolved":
        if (!notice.fromPaging) actions.push({ action: "resolve", incidentId: incident.id });
        break;
      default:
        break;
    }
  }
  return actions;
}

function modeOf(setting: SeverityPaging | undefined): "page" | "notify" | "none" {
  return setting?.mode ?? "none";
}

/** `severities` of a severity notice: the new one, then the old one. */
function raised(names: readonly string[], severities: readonly string[]): boolean {
  const [to, from] = severities;
  if (!to || !from) return false;
  return names.indexOf(to) < names.indexOf(from);
}
