import {
  type CodeWrite,
  ROLLBACK_DEPLOYED_AT,
  ROLLBACK_DEPLOYMENT,
  ROLLBACK_SHA,
  ROLLBACK_SHORT_SHA,
  type RollbackPayload,
} from "../kernel/plan.js";
import type { Octokit } from "./client.js";
import { DEPLOYED_COMMITS_QUERY } from "./code-queries.js";
import { CodeWriteError, type CodeWriteResult, explain, status, unreachable } from "./code-write-error.js";

/**
 * `/rollback` and `/hotfix owner/repo from deployed`: both read a repository's deployments
 * to one environment in one request (`DeployedCommits`). A rollback is a new deployment
 * of the last commit deployed successfully before impact started, made with the REST
 * Deployments API (GraphQL has no mutation for it): the user's CD, listening for
 * deployments, performs it and reports its statuses back, which reach the incident.
 */
interface RawDeployed {
  databaseId: number | null;
  commitOid: string;
  createdAt: string;
  payload: string | null;
  creator: { __typename: string; login: string } | null;
  statuses: { nodes: Array<{ state: string; createdAt: string }> } | null;
}

interface Deployed {
  id: number;
  sha: string;
  createdAt: Date;
  succeeded: boolean;
  /** The latest status (GraphQL's upper case), null when it has none. */
  latest: string | null;
  payload: Partial<RollbackPayload> | null;
  byApp: boolean;
}

const FINISHED = new Set(["SUCCESS", "FAILURE", "ERROR", "INACTIVE"]);

function parsePayload(text: string | null): Partial<RollbackPayload> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Partial<RollbackPayload>) : null;
  } catch {
    return null;
  }
}

async function readDeployed(
  octokit: Octokit,
  repository: { owner: string; name: string },
  environment: string,
  doing: string,
): Promise<Deployed[]> {
  const named = { owner: repository.owner, name: repository.name };
  let data: { repository: { isArchived: boolean; deployments: { nodes: RawDeployed[] } } | null };
  try {
    data = await octokit.graphql(DEPLOYED_COMMITS_QUERY, {
      owner: repository.owner,
      repo: repository.name,
      environment,
    });
  } catch (error) {
    if (/could not resolve|not found/i.test(explain(error))) throw new CodeWriteError(unreachable(named));
    throw error;
  }
  if (!data.repository) throw new CodeWriteError(unreachable(named));
  if (data.repository.isArchived)
    throw new CodeWriteError(
      `\`${repository.owner}/${repository.name}\` is archived, so nothing can be ${doing} there`,
    );
  return data.repository.deployments.nodes.flatMap((raw) =>
    raw.databaseId === null
      ? []
      : [
          {
            id: raw.databaseId,
            sha: raw.commitOid,
            createdAt: new Date(raw.createdAt),
            succeeded: (raw.statuses?.nodes ?? []).some((s) => s.state === "SUCCESS"),
            latest: raw.statuses?.nodes.at(-1)?.state ?? null,
            payload: parsePayload(raw.payload),
            byApp: raw.creator?.__typename === "Bot",
          },
        ],
  );
}

const short = (sha: string) => sha.slice(0, 7);
const minute = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

function lastSucceeded(deployments: readonly Deployed[], before?: Date): Deployed | null {
  const good = deployments.filter((d) => d.succeeded && (!before || d.createdAt < before));
  return good.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1) ?? null;
}

/**
 * What a rollback deploys: the last commit deployed successfully before impact started. When
 * nothing was deployed since, that commit is what is live now, most often the change that broke
 * it (a deploy minutes before impact): then the last good one before it, with another commit.
 */
function rollbackTarget(deployments: readonly Deployed[], before: Date): Deployed | null {
  const atImpact = lastSucceeded(deployments, before);
  const live = lastSucceeded(deployments);
  if (!atImpact || atImpact.id !== live?.id) return atImpact;
  return lastSucceeded(
    deployments.filter((d) => d.sha !== atImpact.sha),
    atImpact.createdAt,
  );
}

export async function branchFromDeployed(
  octokit: Octokit,
  write: Extract<CodeWrite, { kind: "create-branch-from-deployed" }>,
): Promise<CodeWriteResult> {
  const { repository, environment } = write;
  const named = `${repository.owner}/${repository.name}`;
  const deployed = lastSucceeded(await readDeployed(octokit, repository, environment, "branched"));
  if (!deployed)
    throw new CodeWriteError(
      `\`${named}\` has no successful deployment to \`${environment}\` among its last 100, so there is nothing to branch from. Type \`/hotfix ${named}\` (its default branch) or \`/hotfix ${named} from <sha>\``,
    );
  try {
    await octokit.rest.git.createRef({
      owner: repository.owner,
      repo: repository.name,
      ref: `refs/heads/${write.branch}`,
      sha: deployed.sha,
    });
  } catch (error) {
    // A racing replica (or an earlier attempt) created it: that is the state we wanted.
    if (!(status(error) === 422 && /already exists/i.test(explain(error)))) throw error;
  }
  return {
    created: null,
    notes: [],
    fills: {
      [ROLLBACK_SHA]: deployed.sha,
      [ROLLBACK_SHORT_SHA]: short(deployed.sha),
      [ROLLBACK_DEPLOYED_AT]: minute(deployed.createdAt),
    },
  };
}

function forIncident(deployment: Deployed, payload: RollbackPayload): boolean {
  const incident = deployment.payload?.incident;
  return (
    deployment.byApp &&
    incident?.repository === payload.incident.repository &&
    incident.number === payload.incident.number
  );
}

function filled(deployment: Deployed, target: Deployed): Record<string, string> {
  return {
    [ROLLBACK_SHA]: target.sha,
    [ROLLBACK_SHORT_SHA]: short(target.sha),
    [ROLLBACK_DEPLOYMENT]: String(deployment.id),
    [ROLLBACK_DEPLOYED_AT]: minute(target.createdAt),
  };
}

export async function createRollback(
  octokit: Octokit,
  write: Extract<CodeWrite, { kind: "create-deployment" }>,
): Promise<CodeWriteResult> {
  const { repository, environment, payload } = write;
  const named = `${repository.owner}/${repository.name}`;
  const deployments = await readDeployed(octokit, repository, environment, "deployed");
  const target = rollbackTarget(deployments, write.before);
  const running = deployments.find(
    (d) => forIncident(d, payload) && (d.latest === null || !FINISHED.has(d.latest)),
  );
  // Created for this very command, its answer lost: answer as if just created.
  if (running && target && running.payload?.source === payload.source)
    return { created: null, notes: [], fills: filled(running, target) };
  if (running)
    throw new CodeWriteError(
      `a rollback of \`${named}\` for this incident is already in progress: deployment ${running.id} of \`${short(running.sha)}\` (${running.latest?.toLowerCase().replace("_", " ") ?? "no status yet"}). Wait for it to finish; if it is stuck, give it the status \`error\` or \`inactive\` and type the command again`,
    );
  if (!target)
    throw new CodeWriteError(
      `\`${named}\` has no successful deployment to \`${environment}\` created before impact started (${minute(write.before)}) among its last 100, other than the commit deployed now, so there is nothing to roll back to. Set the start with \`/started at <time>\` if it is wrong, or deploy a known good commit yourself`,
    );
  let id: number;
  try {
    const { data } = await octokit.rest.repos.createDeployment({
      owner: repository.owner,
      repo: repository.name,
      ref: target.sha,
      environment,
      auto_merge: false,
      required_contexts: [],
      description: write.description,
      payload: { ...payload },
    });
    if (!("id" in data))
      throw new CodeWriteError(`GitHub did not create a deployment: ${data.message ?? ""}`);
    id = data.id;
  } catch (error) {
    if (error instanceof CodeWriteError) throw error;
    if (status(error) === 403)
      throw new CodeWriteError(
        `GitHub refused to create a deployment in \`${named}\` (${explain(error)}). The app needs the Deployments: write permission there`,
      );
    throw error;
  }
  const current = lastSucceeded(deployments);
  const notes =
    current && current.sha === target.sha
      ? [
          `\`${short(target.sha)}\` is also what the latest successful deployment deployed: this deploys it again`,
        ]
      : [];
  return { created: null, notes, fills: filled({ ...target, id }, target) };
}
