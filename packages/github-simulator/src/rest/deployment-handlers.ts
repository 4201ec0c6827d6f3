import type { SimContext } from "../sim-context.js";
import type { Deployment, DeploymentState, DeploymentStatus } from "../store/code-model.js";
import { createDeployment, createDeploymentStatus, findDeployment } from "../store/deployment-writes.js";
import type { Repo } from "../store/model.js";
import { userShape } from "./account-shapes.js";
import { isObject } from "./openapi-spec.js";
import { bodyOf, paginated, repoFor, stringField } from "./rest-helpers.js";
import type { RestHandler, RestRequest } from "./rest-types.js";

/** Deployments and deployment statuses. */

function api(ctx: SimContext, repo: Repo): string {
  return `${ctx.apiUrl}/repos/${repo.owner}/${repo.name}`;
}

export function deploymentShape(
  ctx: SimContext,
  repo: Repo,
  deployment: Deployment,
): Record<string, unknown> {
  const url = `${api(ctx, repo)}/deployments/${deployment.id}`;
  return {
    url,
    id: deployment.id,
    node_id: deployment.nodeId,
    sha: deployment.sha,
    ref: deployment.ref,
    task: deployment.task,
    payload: deployment.payload,
    original_environment: deployment.environment,
    environment: deployment.environment,
    description: deployment.description,
    creator: userShape(ctx, ctx.store.requireAccount(deployment.creator)),
    created_at: deployment.createdAt,
    updated_at: deployment.updatedAt,
    statuses_url: `${url}/statuses`,
    repository_url: api(ctx, repo),
    transient_environment: deployment.transientEnvironment,
    production_environment: deployment.productionEnvironment,
  };
}

export function deploymentStatusShape(
  ctx: SimContext,
  repo: Repo,
  deployment: Deployment,
  status: DeploymentStatus,
): Record<string, unknown> {
  const deploymentUrl = `${api(ctx, repo)}/deployments/${deployment.id}`;
  return {
    url: `${deploymentUrl}/statuses/${status.id}`,
    id: status.id,
    node_id: status.nodeId,
    state: status.state,
    creator: userShape(ctx, ctx.store.requireAccount(status.creator)),
    description: status.description,
    environment: status.environment,
    // GitHub says "" when no URL was given; the spec wants a URI, so point at the deployments page.
    target_url: status.targetUrl || `${ctx.htmlUrl}/${repo.owner}/${repo.name}/deployments`,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    deployment_url: deploymentUrl,
    repository_url: api(ctx, repo),
    ...(status.environmentUrl ? { environment_url: status.environmentUrl } : {}),
    ...(status.logUrl ? { log_url: status.logUrl } : {}),
  };
}

function deploymentFor(req: RestRequest, repo: Repo): Deployment {
  return findDeployment(repo, Number(req.params.deployment_id));
}

export const deploymentHandlers: Record<string, RestHandler> = {
  "repos/create-deployment": (req) => {
    const repo = repoFor(req);
    const body = bodyOf(req);
    const payload = isObject(body.payload) || typeof body.payload === "string" ? body.payload : undefined;
    const deployment = createDeployment(req.ctx.store, req.caller.login, repo, {
      ref: stringField(body, "ref") ?? "",
      task: stringField(body, "task"),
      environment: stringField(body, "environment"),
      description: stringField(body, "description") ?? null,
      ...(payload !== undefined ? { payload } : {}),
      ...(typeof body.production_environment === "boolean"
        ? { productionEnvironment: body.production_environment }
        : {}),
      ...(typeof body.transient_environment === "boolean"
        ? { transientEnvironment: body.transient_environment }
        : {}),
      ...(Array.isArray(body.required_contexts)
        ? { requiredContexts: body.required_contexts.filter((c): c is string => typeof c === "string") }
        : {}),
    });
    return { status: 201, body: deploymentShape(req.ctx, repo, deployment) };
  },

  "repos/get-deployment": (req) => {
    const repo = repoFor(req);
    return { status: 200, body: deploymentShape(req.ctx, repo, deploymentFor(req, repo)) };
  },

  /** Newest first, like GitHub; filters by sha, ref, task and environment. */
  "repos/list-deployments": (req) => {
    const repo = repoFor(req);
    const q = req.url.searchParams;
    const keep = (d: Deployment) =>
      (!q.get("sha") || d.sha === q.get("sha")) &&
      (!q.get("ref") || d.ref === q.get("ref")) &&
      (!q.get("task") || d.task === q.get("task")) &&
      (!q.get("environment") || d.environment === q.get("environment"));
    const list = repo.deployments.filter(keep).sort((a, b) => b.id - a.id);
    return paginated(
      req,
      list.map((d) => deploymentShape(req.ctx, repo, d)),
    );
  },

  "repos/create-deployment-status": (req) => {
    const repo = repoFor(req);
    const deployment = deploymentFor(req, repo);
    const body = bodyOf(req);
    const status = createDeploymentStatus(req.ctx.store, req.caller.login, repo, deployment, {
      state: (stringField(body, "state") ?? "pending") as DeploymentState,
      description: stringField(body, "description"),
      targetUrl: stringField(body, "target_url"),
      logUrl: stringField(body, "log_url"),
      environmentUrl: stringField(body, "environment_url"),
      environment: stringField(body, "environment"),
    });
    return { status: 201, body: deploymentStatusShape(req.ctx, repo, deployment, status) };
  },

  "repos/list-deployment-statuses": (req) => {
    const repo = repoFor(req);
    const deployment = deploymentFor(req, repo);
    const list = [...deployment.statuses].reverse();
    return paginated(
      req,
      list.map((s) => deploymentStatusShape(req.ctx, repo, deployment, s)),
    );
  },
};
