import { requirePermission } from "./access.js";
import type { Deployment, DeploymentState, DeploymentStatus } from "./code-model.js";
import { resolveCommit } from "./git-objects.js";
import type { Repo } from "./model.js";
import { notFound, SimError } from "./sim-error.js";
import type { SimStore } from "./store.js";

/** Deployments and their statuses; each status sends `deployment_status.created`. */
export interface NewDeployment {
  ref: string;
  task?: string;
  environment?: string;
  description?: string | null;
  payload?: Record<string, unknown> | string;
  productionEnvironment?: boolean;
  transientEnvironment?: boolean;
  /** Check names that must have passed on the commit; undefined: every check on it (GitHub's default). */
  requiredContexts?: string[];
}

const PASSED = new Set(["success", "neutral", "skipped"]);

/**
 * GitHub verifies the commit's checks before creating a deployment: every context on it
 * by default, the named ones with `required_contexts`, none with `[]`; a failed or
 * missing one is a 409 naming them.
 */
function verifyContexts(repo: Repo, sha: string, ref: string, required: string[] | undefined): void {
  const runs = repo.checkRuns.filter((run) => run.headSha === sha);
  const names = required ?? [...new Set(runs.map((run) => run.name))];
  const failed = names.filter((name) => {
    const latest = runs.filter((run) => run.name === name).sort((a, b) => b.id - a.id)[0];
    return !latest || latest.conclusion === null || !PASSED.has(latest.conclusion);
  });
  if (failed.length === 0) return;
  throw new SimError("CONFLICT", `Conflict: Commit status checks failed for ${ref}.`, [
    { resource: "Deployment", field: "required_contexts", code: "invalid", value: failed },
  ]);
}

export function createDeployment(
  store: SimStore,
  actor: string,
  repo: Repo,
  input: NewDeployment,
): Deployment {
  requirePermission(store, actor, repo, "write");
  const commit = resolveCommit(repo, input.ref);
  if (!commit) throw new SimError("UNPROCESSABLE", `No ref found for: ${input.ref}`);
  verifyContexts(repo, commit.sha, input.ref, input.requiredContexts);
  const id = store.nextId();
  const now = store.now();
  const environment = input.environment ?? "production";
  const deployment: Deployment = {
    id,
    nodeId: `DE_${id}`,
    sha: commit.sha,
    ref: input.ref,
    task: input.task ?? "deploy",
    environment,
    description: input.description ?? null,
    payload: input.payload ?? {},
    creator: store.requireAccount(actor).login,
    createdAt: now,
    updatedAt: now,
    productionEnvironment: input.productionEnvironment ?? environment === "production",
    transientEnvironment: input.transientEnvironment ?? false,
    statuses: [],
  };
  repo.deployments.push(deployment);
  return deployment;
}

export function findDeployment(repo: Repo, id: number): Deployment {
  const deployment = repo.deployments.find((d) => d.id === id);
  if (!deployment) throw notFound();
  return deployment;
}

export function createDeploymentStatus(
  store: SimStore,
  actor: string,
  repo: Repo,
  deployment: Deployment,
  input: {
    state: DeploymentState;
    description?: string;
    targetUrl?: string;
    logUrl?: string;
    environmentUrl?: string;
    environment?: string;
  },
): DeploymentStatus {
  requirePermission(store, actor, repo, "write");
  const id = store.nextId();
  const now = store.now();
  const status: DeploymentStatus = {
    id,
    nodeId: `DES_${id}`,
    state: input.state,
    description: input.description ?? "",
    creator: store.requireAccount(actor).login,
    environment: input.environment ?? deployment.environment,
    targetUrl: input.targetUrl ?? input.logUrl ?? "",
    logUrl: input.logUrl ?? input.targetUrl ?? "",
    environmentUrl: input.environmentUrl ?? "",
    createdAt: now,
  };
  deployment.statuses.push(status);
  deployment.updatedAt = now;
  store.emit({ type: "deployment_status.created", repo, deployment, status, actor });
  return status;
}
