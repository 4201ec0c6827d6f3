import type { Logger } from "probot";
import type { Config } from "../config/schema.js";
import type { ChatNotice } from "../features/outward/chat-notice.js";
import { failureReply, failureReplyKey } from "../features/outward/failure-reply.js";
import { pageActions } from "../features/outward/page-actions.js";
import { routeNotices } from "../features/outward/route-notices.js";
import { applyPlan } from "../github/apply-plan.js";
import type { Octokit, Target } from "../github/client.js";
import type { HistoryVariables } from "../github/read-history.js";
import { appArtifacts } from "../kernel/app-artifacts.js";
import type { IssueHistory } from "../kernel/history.js";
import type { Plan } from "../kernel/plan.js";
import type { ChatDeps } from "../outside/chat/chat-deps.js";
import { deliverBatches } from "../outside/chat/deliver.js";
import { sendPages } from "./send-pages.js";

/**
 * Sends notices the applied plan has claimed, in the background: the webhook is
 * answered without waiting on chat, and a failing target is reported on the
 * incident once, never retried into a loop.
 */
export interface SendNoticesInput {
  octokit: Octokit;
  target: Target;
  /** The history right after the claim, to see which failures were already reported. */
  history: IssueHistory;
  variables: HistoryVariables;
  notices: ChatNotice[];
  config: Config;
  botLogin: string;
  chat: ChatDeps;
  log: Logger;
}

export function sendNotices(input: SendNoticesInput): void {
  const { config, chat, log } = input;
  const batches = routeNotices(input.notices, config);
  const pages = pageActions(input.notices, config);
  if (batches.length === 0 && pages.length === 0) return;
  chat.background.run(
    async () => {
      const paged = await sendPages(pages, config, chat, `${input.target.owner}/${input.target.repo}`);
      for (const result of paged.results)
        log.info(
          { provider: result.provider, action: result.action, ok: result.ok, attempts: result.attempts },
          "page",
        );
      const outcomes = await deliverBatches(batches, {
        fetch: chat.fetch,
        sleep: chat.sleep,
        env: chat.env(),
        timeoutMs: config.notifications.timeout,
        attempts: config.notifications.attempts,
      });
      const reported = appArtifacts(input.history, input.botLogin).replies;
      const plan: Plan = [];
      for (const outcome of outcomes) {
        log.info(
          {
            target: outcome.name,
            delivered: outcome.delivered.length,
            failed: outcome.failure?.reason ?? null,
          },
          "chat notices",
        );
        const body = failureReply(outcome);
        if (body && !reported.has(failureReplyKey(outcome.name)))
          plan.push({ kind: "add-comment", purpose: "reply", body });
      }
      for (const [key, body] of paged.replies)
        if (!reported.has(key)) plan.push({ kind: "add-comment", purpose: "reply", body });
      if (plan.length) await applyPlan(input.octokit, input.target, plan, input.variables);
    },
    (error) => log.error({ err: error }, "chat notices: reporting a failure failed"),
  );
}
