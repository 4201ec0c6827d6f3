import type { Context } from "probot";
import { routeLabels } from "../features/incident/route-labels.js";
import type { AppDeps } from "./app-deps.js";
import { loadRepoConfig } from "./repo-config.js";
import { mayRouteWithRenamedLabels, shouldReconcile } from "./route-issue-event.js";

type IssueContext = Context<"issues" | "issue_comment">;

/**
 * Routes an issue event the default label names dropped by the repo's own names
 * (`labels.incident: outage`, renamed severities or statuses). The config comes from
 * the config cache, so this costs at most one config read per repository per minute,
 * and only for events on labelled issues. An invalid config routes nothing here: the
 * events the default names route still report it.
 */
export async function routesWithRepoLabels(
  context: IssueContext,
  deps: AppDeps,
  botLogin: string,
): Promise<boolean> {
  if (!mayRouteWithRenamedLabels(context, botLogin)) return false;
  const loaded = await loadRepoConfig(context, undefined, deps.clock());
  if (!loaded.ok) return false;
  return shouldReconcile(context, botLogin, routeLabels(loaded.config));
}
