import type { Context } from "probot";
import { asOctokit } from "../github/client.js";
import { readOpenIncidents } from "../github/read-open-incidents.js";
import type { AppDeps } from "./app-deps.js";
import { reconcileIncident } from "./reconcile-incident.js";
import { loadRepoConfig } from "./repo-config.js";

/**
 * A deployment of the default branch to the watched environment finished: it goes
 * on the timeline of every open incident. Other deployments cost no request beyond
 * the (cached) config.
 */
const FINISHED = new Set(["success", "failure", "error"]);

export async function onDeploymentStatus(
  context: Context<"deployment_status">,
  deps: AppDeps,
): Promise<void> {
  const { deployment, deployment_status: status, repository } = context.payload;
  if (!FINISHED.has(status.state) || deployment.ref !== repository.default_branch) return;
  const loaded = await loadRepoConfig(context, undefined, deps.clock());
  if (!loaded.ok || deployment.environment !== loaded.config.deployments.environment) return;
  const octokit = asOctokit(context.octokit);
  const incidents = await readOpenIncidents(octokit, context.repo(), loaded.config.labels.incident);
  for (const incident of incidents) await reconcileIncident(context, deps, incident);
}
