import type { SeverityPaging } from "../../config/paging-schema.js";
import type { Config } from "../../config/schema.js";
import { serviceOnCalls } from "../../kernel/on-call.js";
import type { ChatNotice } from "./chat-notice.js";

/**
 * What the paging service is told about an incident (§14), from the same notices the
 * chat targets hear (claimed once in the timeline's ledger, so each is sent once):
 * a declaration, a reopening or a severity raised pages per the severity's mode; an
 * escalation level, a `notify` turned page (`pageAfter`) and `/page` are pages of their
 * own (`INC-…:escalation-1`); an acknowledgement or resolution on GitHub acknowledges
 * or resolves every page of the incident. Pages are deduplicated by `dedupKey` on the
 * paging side.
 */
export type PageAction =
  | {
      action: "trigger";
      incidentId: string;
      /** The incident id, or `<id>:<key>` for a page of its own. */
      dedupKey: string;
      severity: string;
      severityRank: number;
      urgency: "high" | "low";
      title: string;
      summary: string;
      incidentUrl: string;
      service: string | null;
      /** Whom a page of its own is for (GitHub logins, `service:<name>`); empty for the incident's page. */
      to: string[];
    }
  | { action: "acknowledge" | "resolve"; incidentId: string; dedupKey: string };

export function pageKey(incidentId: string, key: string): string {
  return `${incidentId}:${key}`;
}

export function pageActions(notices: readonly ChatNotice[], config: Config): PageAction[] {
  if (config.paging.service === "none") return [];
  const names = config.severities.map((severity) => severity.name);
  const actions: PageAction[] = [];
  for (const notice of notices) {
    const { incident } = notice;
    // A security incident's details stay on the issue: the page names only the id.
    const title = incident.security ? "Security incident" : incident.title;
    const severity = incident.severity;
    const mode = severity ? modeOf(config.paging.severities[severity]) : "none";
    const trigger = (urgency: "high" | "low", dedupKey: string, summary: string, to: string[]) =>
      actions.push({
        action: "trigger",
        incidentId: incident.id,
        dedupKey,
        severity: severity ?? "",
        severityRank: Math.max(0, names.indexOf(severity ?? "")),
        urgency,
        title,
        summary: incident.security ? "" : summary,
        incidentUrl: incident.url,
        service: incident.services[0] ?? null,
        to,
      });
    const everyPage = () => [incident.id, ...(notice.pageKeys ?? []).map((key) => pageKey(incident.id, key))];
    switch (notice.event) {
      case "declared":
      case "reopened":
      case "severity": {
        if (!severity || mode === "none") continue;
        if (notice.event === "severity" && !raised(names, notice.severities)) continue;
        const summary = notice.event === "declared" ? (notice.detail ?? "") : "";
        trigger(
          mode === "page" ? "high" : "low",
          incident.id,
          summary,
          onCallOfServices(config, incident, notice.at),
        );
        break;
      }
      case "escalation": {
        const { page } = notice;
        // `/escalate` without a page of its own is said in chat only.
        if (!page || (!page.urgent && mode === "none")) continue;
        const urgency = page.urgent || mode === "page" ? "high" : "low";
        trigger(urgency, pageKey(incident.id, page.key), notice.detail ?? "", page.to);
        break;
      }
      case "acknowledged":
      case "resolved": {
        const action = notice.event === "acknowledged" ? "acknowledge" : "resolve";
        // What came from the paging service is not echoed back, unless the incident has
        // pages of its own (escalations, `/page`): which one it came from is not known, so
        // all are told (acknowledging an acknowledged page changes nothing there).
        const keys = notice.fromPaging && everyPage().length === 1 ? [] : everyPage();
        for (const dedupKey of keys) actions.push({ action, incidentId: incident.id, dedupKey });
        break;
      }
      default:
        break;
    }
  }
  return actions;
}

/**
 * The incident's page is for the on-call of each affected service that has one of its own
 * (each person once); none: the paging service routes it as configured.
 */
function onCallOfServices(config: Config, incident: { services: string[] }, at: Date): string[] {
  const primaries = serviceOnCalls(config, incident.services, at).map((one) => one.primary);
  return [...new Set(primaries.filter((one): one is string => one !== null))];
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
