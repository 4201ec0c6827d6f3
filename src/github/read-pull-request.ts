import { CONFIG_EXPRESSION } from "../config/config-file-name.js";
import type { Config } from "../config/schema.js";
import type { PullRequestFacts } from "../features/code-response/decide-pull-request.js";
import type { FreezingIssue } from "../kernel/history.js";
import type { GraphqlClient } from "./client.js";
import { actor, freezeChecks, type RawActor, type RawOpenPull } from "./code-facts.js";
import { PULL_REQUEST_CONTEXT_QUERY } from "./queries.js";

interface RawContext {
  incidentsRepo?: { nameWithOwner: string; freezing: { nodes: FreezingIssue[] } } | null;
  repository: {
    defaultBranchRef: { name: string } | null;
    configFile: { oid?: string } | null;
    freezing: { nodes: PullRequestFacts["freezing"] };
    incidents: { nodes: PullRequestFacts["incidents"] };
    pullRequest:
      | (RawOpenPull & {
          state: string;
          comments: { nodes: Array<{ author: RawActor | null; body: string }> };
        })
      | null;
  };
}

/**
 * What a pull request event needs in one read: the incidents it may belong to, those
 * freezing merges, the pull request's freeze checks and the app's comments on it, and
 * the config file's blob id (which vouches for the cached config).
 */
export async function readPullRequest(
  octokit: GraphqlClient,
  where: { owner: string; repo: string; number: number },
  config: Config,
): Promise<{
  configOid: string | null;
  /** Organisation mode: the incidents repository's freezing incidents (null: not read, or not visible). */
  incidentsFreezing: { home: string; issues: FreezingIssue[] } | null;
  facts: Omit<PullRequestFacts, "repoUrl" | "defaultBranch"> & { defaultBranch: string | null };
}> {
  const incidents = config.organisation.repository;
  const withIncidents =
    incidents !== undefined && incidents.toLowerCase() !== `${where.owner}/${where.repo}`.toLowerCase();
  const [incidentsOwner, incidentsName] = (withIncidents ? incidents : "-/-").split("/") as [string, string];
  let data: RawContext;
  try {
    data = await octokit.graphql<RawContext>(PULL_REQUEST_CONTEXT_QUERY, {
      ...where,
      incidentLabel: config.labels.incident,
      freezeLabel: config.labels.freeze,
      configExpression: CONFIG_EXPRESSION,
      withIncidents,
      incidentsOwner,
      incidentsName,
    });
  } catch (error) {
    // The incidents repository not visible to the app: the rest of the answer stands.
    const e = error as { name?: string; data?: RawContext; errors?: Array<{ path?: string[] }> };
    const onlyIncidents = (e.errors ?? []).every((item) => item.path?.[0] === "incidentsRepo");
    if (e.name !== "GraphqlResponseError" || !e.data?.repository || !onlyIncidents) throw error;
    data = e.data;
  }
  const raw = data.repository;
  const pull = raw.pullRequest;
  return {
    configOid: raw.configFile?.oid ?? null,
    incidentsFreezing: data.incidentsRepo
      ? { home: data.incidentsRepo.nameWithOwner, issues: data.incidentsRepo.freezing.nodes }
      : null,
    facts: {
      defaultBranch: raw.defaultBranchRef?.name ?? null,
      freezing: raw.freezing.nodes,
      incidents: raw.incidents.nodes,
      pull: pull && {
        number: pull.number,
        state: pull.state,
        headRefName: pull.headRefName,
        baseRefName: pull.baseRefName,
        headSha: pull.headRefOid,
        freezeChecks: freezeChecks(pull),
        comments: pull.comments.nodes.map((c) => ({ author: actor(c.author), body: c.body })),
      },
    },
  };
}
