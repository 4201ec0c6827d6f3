import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import { asOctokit } from "../github/client.js";
import { OPEN_INCIDENTS_QUERY } from "../github/queries.js";
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
  const data = await octokit.graphql<{
    repository: { incidents: { nodes: Array<{ number: number; title: string }> } };
  }>(OPEN_INCIDENTS_QUERY, { ...context.repo(), incidentLabel: loaded.config.labels.incident });
  for (const incident of data.repository.incidents.nodes) await reconcileIncident(context, deps, incident);
}
