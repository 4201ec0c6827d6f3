import type { Config } from "../config/schema.js";
import type { PageAction } from "../features/outward/page-actions.js";
import { marker } from "../kernel/markers.js";
import type { ChatDeps } from "../outside/chat/chat-deps.js";
import { pagingFromConfig } from "../outside/paging/paging-from-config.js";
import { describePagingFailure, type PageResult } from "../outside/paging/paging-service.js";

/**
 * Sends what the paging service is to be told, in order, and returns the replies to
 * post for what could not be delivered: one per incident and action (`page-failed:`),
 * so a service that stays down is said once, not on every event.
 */
export interface PageReport {
  results: PageResult[];
  /** Reply key → comment body, for failures not yet reported. */
  replies: Map<string, string>;
}

export function pageFailureKey(action: string): string {
  return `page-failed:${action}`;
}

export async function sendPages(
  actions: readonly PageAction[],
  config: Config,
  chat: ChatDeps,
  repository: string,
): Promise<PageReport> {
  const report: PageReport = { results: [], replies: new Map() };
  if (actions.length === 0) return report;
  const setup = pagingFromConfig(config.paging, { fetch: chat.fetch, sleep: chat.sleep, env: chat.env() });
  if (setup === null) return report;
  if (!setup.ok) {
    report.replies.set(pageFailureKey("setup"), reply(pageFailureKey("setup"), setup.reason));
    return report;
  }
  for (const action of actions) {
    const result =
      action.action === "trigger"
        ? await setup.service.trigger({
            incidentId: action.incidentId,
            ...(action.dedupKey !== action.incidentId ? { dedupKey: action.dedupKey } : {}),
            ...(action.to.length ? { to: action.to } : {}),
            severity: action.severity,
            severityRank: action.severityRank,
            urgency: action.urgency,
            title: action.title,
            summary: action.summary,
            incidentUrl: action.incidentUrl,
            repository,
            ...(action.service ? { service: action.service } : {}),
          })
        : action.action === "acknowledge"
          ? await setup.service.acknowledge(action.dedupKey)
          : await setup.service.resolve(action.dedupKey);
    report.results.push(result);
    if (!result.ok) {
      const key = pageFailureKey(action.action);
      report.replies.set(key, reply(key, describePagingFailure(result)));
    }
  }
  return report;
}

function reply(key: string, text: string): string {
  return [marker("reply", { key }), `📟 ⚠️ ${text}`, ""].join("\n");
}
