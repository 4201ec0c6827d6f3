import type { ApplicationFunction, Context, Probot } from "probot";
import { type AppDeps, botLoginResolver, readFormTemplate } from "./app-deps.js";
import { ConfigSchema } from "./config/schema.js";
import { createLabelsOnInstall } from "./handlers/ensure-labels.js";
import { reconcileActionItem } from "./handlers/reconcile-action-item.js";
import { reconcileIncident } from "./handlers/reconcile-incident.js";
import { isActionItemEvent, shouldReconcileActionItem } from "./handlers/route-action-item-event.js";
import { shouldReconcile } from "./handlers/route-issue-event.js";

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
    };

    app.on(ISSUE_EVENTS, async (context: Context<"issues" | "issue_comment">) => {
      const botLogin = await deps.botLogin();
      if (isActionItemEvent(context, botLogin)) {
        if (shouldReconcileActionItem(context, botLogin)) await reconcileActionItem(context, deps);
        return;
      }
      if (!shouldReconcile(context, botLogin)) return;
      await reconcileIncident(context, deps);
    });

    app.on(["installation.created", "installation_repositories.added"], async (context) => {
      await createLabelsOnInstall(context, ConfigSchema.parse({}));
    });
  };
}
