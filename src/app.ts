import type { ApplicationFunction, ApplicationFunctionOptions, Context, Probot } from "probot";
import { ConfigSchema } from "./config/schema.js";
import { botLoginResolver } from "./github/bot-login.js";
import { publishFiles } from "./github/publish-files.js";
import { PRODUCTION_RETRY_POLICY } from "./github/retry-policy.js";
import { defaultChatDeps } from "./outside/chat/chat-deps.js";
import { warRoomDepsFromEnv } from "./outside/slack/slack-deps.js";
import { onAlertDispatch } from "./pipelines/alert-dispatch.js";
import {
  type AppDeps,
  defaultContentBudget,
  defaultIssueLock,
  readFormTemplate,
} from "./pipelines/app-deps.js";
import { onDeploymentStatus } from "./pipelines/deployment-status-event.js";
import { createLabelsOnInstall } from "./pipelines/ensure-labels.js";
import { withEventLog } from "./pipelines/event-log.js";
import { onPullRequest } from "./pipelines/pull-request-event.js";
import { receiveAlerts } from "./pipelines/receive-alerts.js";
import { receiveOpsgenieWebhook, receivePagerDutyWebhook } from "./pipelines/receive-page-back.js";
import { reconcileActionItem } from "./pipelines/reconcile-action-item.js";
import { reconcileIncident } from "./pipelines/reconcile-incident.js";
import { isActionItemEvent, shouldReconcileActionItem } from "./pipelines/route-action-item-event.js";
import { shouldReconcile } from "./pipelines/route-issue-event.js";
import { routesWithRepoLabels } from "./pipelines/route-renamed-labels.js";
import { withRetries } from "./pipelines/with-retries.js";
import { alertDeps } from "./server/alert-deps.js";
import { alertEndpoint } from "./server/alert-endpoint.js";
import { pagingEndpoint } from "./server/paging-endpoint.js";

const ISSUE_EVENTS: Array<
  | "issues.opened"
  | "issues.edited"
  | "issues.labeled"
  | "issues.unlabeled"
  | "issues.closed"
  | "issues.reopened"
  | "issue_comment.created"
  | "issue_comment.edited"
  | "issue_comment.deleted"
> = [
  "issues.opened",
  "issues.edited",
  "issues.labeled",
  "issues.unlabeled",
  "issues.closed",
  "issues.reopened",
  "issue_comment.created",
  "issue_comment.edited",
  "issue_comment.deleted",
];

/** Wires GitHub events to handlers; nothing else. */
export function createApp(overrides: Partial<AppDeps> = {}): ApplicationFunction {
  return (app: Probot, options?: ApplicationFunctionOptions) => {
    const deps: AppDeps = {
      clock: overrides.clock ?? (() => new Date()),
      formTemplate: overrides.formTemplate ?? readFormTemplate(),
      botLogin: overrides.botLogin ?? botLoginResolver(app),
      chat: overrides.chat ?? defaultChatDeps(),
      publishFiles: overrides.publishFiles ?? publishFiles,
      retry: overrides.retry ?? PRODUCTION_RETRY_POLICY,
      lock: overrides.lock ?? defaultIssueLock(app),
      contentBudget: overrides.contentBudget ?? defaultContentBudget(app),
      warRoom: overrides.warRoom ?? warRoomDepsFromEnv(),
      env: overrides.env ?? (() => process.env),
    };
    try {
      options?.addHandler?.(alertEndpoint((request) => receiveAlerts(request, alertDeps(app, deps))));
      options?.addHandler?.(
        pagingEndpoint({
          pagerduty: (request) => receivePagerDutyWebhook(request, alertDeps(app, deps)),
          opsgenie: (request) => receiveOpsgenieWebhook(request, alertDeps(app, deps)),
        }),
      );
    } catch {
      // No HTTP server (Actions mode, `probot receive`): alerts arrive as repository_dispatch.
    }

    app.on(
      "repository_dispatch",
      withEventLog(async (context: Context<"repository_dispatch">) => {
        await onAlertDispatch(context, alertDeps(app, deps));
      }),
    );

    app.on(
      ISSUE_EVENTS,
      withEventLog(async (context: Context<"issues" | "issue_comment">) => {
        const botLogin = await deps.botLogin();
        // Action items route first: they are issues too, but never incidents.
        if (isActionItemEvent(context, botLogin)) {
          if (shouldReconcileActionItem(context, botLogin)) await reconcileActionItem(context, deps);
          return;
        }
        if (!shouldReconcile(context, botLogin) && !(await routesWithRepoLabels(context, deps, botLogin)))
          return;
        const { number, title } = context.payload.issue;
        await reconcileIncident(context, deps, { number, title });
      }),
    );

    app.on(
      [
        "pull_request.opened",
        "pull_request.edited",
        "pull_request.reopened",
        "pull_request.synchronize",
        "pull_request.closed",
      ],
      withEventLog((context: Context<"pull_request">) => onPullRequest(context, deps)),
    );

    app.on(
      "deployment_status.created",
      withEventLog((context: Context<"deployment_status">) => onDeploymentStatus(context, deps)),
    );

    app.on(
      ["installation.created", "installation_repositories.added"],
      withEventLog(async (context: Context<"installation" | "installation_repositories">) => {
        const deadline = performance.now() + deps.retry.budgetMs;
        await withRetries(
          () => createLabelsOnInstall(context, ConfigSchema.parse({}), deadline),
          deps.retry,
          context.log,
        );
      }),
    );
  };
}
