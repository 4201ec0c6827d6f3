import type { Context } from "probot";
import { isAlertSource } from "../features/alerts/alert.js";
import { asOctokit } from "../github/client.js";
import { type AlertAnswer, type AlertDeps, receiveAlerts } from "./receive-alerts.js";

/**
 * Actions mode (§14): the same payloads arrive as a `repository_dispatch` with event
 * type `incident-alert` and `client_payload: { source, payload }` (GitHub allows ten
 * top-level keys in `client_payload`, fewer than Grafana sends, so the payload is
 * wrapped). GitHub has checked who sent it; the repository's own incident.yml holds
 * the `alerts:` settings, so the job's token is enough.
 */
export const ALERT_DISPATCH_TYPE = "incident-alert";

export async function onAlertDispatch(
  context: Context<"repository_dispatch">,
  alertDeps: Omit<AlertDeps, "octokit" | "configRepository">,
): Promise<AlertAnswer | null> {
  const { payload } = context;
  if (payload.action !== ALERT_DISPATCH_TYPE) return null;
  const client = (payload.client_payload ?? {}) as { source?: unknown; payload?: unknown };
  const source = typeof client.source === "string" ? client.source : "";
  const octokit = asOctokit(context.octokit);
  let answer: AlertAnswer;
  if (!isAlertSource(source)) {
    answer = {
      status: 400,
      body: { error: "client_payload.source: expected alertmanager, grafana or generic" },
    };
  } else {
    answer = await receiveAlerts(
      { source, body: Buffer.from(JSON.stringify(client.payload ?? null)), headers: {}, authenticated: true },
      { ...alertDeps, octokit: async () => octokit, configRepository: payload.repository.full_name },
    );
  }
  const log = context.log.child({ name: "alerts" });
  if (answer.status >= 400) {
    log.error({ status: answer.status, answer: answer.body }, "alert dispatch refused");
    // A failed job is how a workflow says so.
    throw new Error(`alert dispatch refused (${answer.status}): ${String(answer.body.error ?? "")}`);
  }
  log.info({ answer: answer.body }, "alert dispatch handled");
  return answer;
}
