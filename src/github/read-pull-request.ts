import { CONFIG_EXPRESSION } from "../config/config-file-name.js";
import type { Config } from "../config/schema.js";
import type { PullRequestFacts } from "../features/code-response/decide-pull-request.js";
import type { GraphqlClient } from "./client.js";
import { actor, freezeChecks, type RawActor, type RawOpenPull } from "./code-facts.js";
import { PULL_REQUEST_CONTEXT_QUERY } from "./queries.js";

interface RawContext {
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
  facts: Omit<PullRequestFacts, "repoUrl" | "defaultBranch"> & { defaultBranch: string | null };
}> {
  const data = await octokit.graphql<RawContext>(PULL_REQUEST_CONTEXT_QUERY, {
    ...where,
    incidentLabel: config.labels.incident,
    freezeLabel: config.labels.freeze,
    configExpression: CONFIG_EXPRESSION,
  });
  const raw = data.repository;
  const pull = raw.pullRequest;
  return {
    configOid: raw.configFile?.oid ?? null,
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
