import type { Context } from "probot";
import { rollbackOfDeployment } from "../features/code-response/rollback-deployment.js";
import { asOctokit } from "../github/client.js";
import { readOpenIncidents } from "../github/read-open-incidents.js";
import type { AppDeps } from "./app-deps.js";
import { reconcileIncident } from "./reconcile-incident.js";
import { loadRepoConfig } from "./repo-config.js";

/**
 * A deployment status. A deployment the app created for `/rollback` names its incident
 * in its payload: the status goes on that incident, wherever it lives. Otherwise, a
 * deployment of the default branch to the watched environment that finished goes on the
 * timeline of every open incident. Other deployments cost no request beyond the (cached) config.
 */
const FINISHED = new Set(["success", "failure", "error"]);

export async function onDeploymentStatus(
  context: Context<"deployment_status">,
  deps: AppDeps,
): Promise<void> {
  const { deployment, deployment_status: status, repository } = context.payload;
  const rollback = rollbackOfDeployment(context.payload, await deps.botLogin());
  if (rollback) {
    const [owner, repo] = rollback.incident.repository.split("/") as [string, string];
    await reconcileIncident(
      context,
      deps,
      { number: rollback.incident.number, title: `[${rollback.incident.id}]`, repository: { owner, repo } },
      { rollbackStatus: rollback.status },
    );
    return;
  }
  if (!FINISHED.has(status.state) || deployment.ref !== repository.default_branch) return;
  const loaded = await loadRepoConfig(context, undefined, deps.clock());
  if (!loaded.ok || deployment.environment !== loaded.config.deployments.environment) return;
  const octokit = asOctokit(context.octokit);
  const incidents = await readOpenIncidents(octokit, context.repo(), loaded.config.labels.incident);
  for (const incident of incidents) await reconcileIncident(context, deps, incident);
}
