import type { ApplicationFunction, Context, Probot } from "probot";
import { type AppDeps, botLoginResolver, readFormTemplate } from "./app-deps.js";
import { ConfigSchema } from "./config/schema.js";
import { PRODUCTION_RETRY_POLICY } from "./github/retry-policy.js";
import { createLabelsOnInstall } from "./handlers/ensure-labels.js";
import { reconcileIncident } from "./handlers/reconcile-incident.js";
import { shouldReconcile } from "./handlers/route-issue-event.js";
import { withRetries } from "./handlers/with-retries.js";

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
  return (app: Probot) => {
    const deps: AppDeps = {
      clock: overrides.clock ?? (() => new Date()),
      formTemplate: overrides.formTemplate ?? readFormTemplate(),
      botLogin: overrides.botLogin ?? botLoginResolver(app),
      retry: overrides.retry ?? PRODUCTION_RETRY_POLICY,
    };

    app.on(ISSUE_EVENTS, async (context: Context<"issues" | "issue_comment">) => {
      if (!shouldReconcile(context, await deps.botLogin())) return;
      await reconcileIncident(context, deps);
    });

    app.on(["installation.created", "installation_repositories.added"], async (context) => {
      const deadline = performance.now() + deps.retry.budgetMs;
      await withRetries(
        () => createLabelsOnInstall(context, ConfigSchema.parse({}), deadline),
        deps.retry,
        context.log,
      );
    });
  };
}
