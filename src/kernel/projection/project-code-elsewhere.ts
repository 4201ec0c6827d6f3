import type { Config } from "../../config/schema.js";
import type { DeploymentFact, RepositoryElsewhere } from "../code-history.js";
import type { IssueHistory, PullFact } from "../history.js";
import type { IncidentState } from "../incident-state.js";
import { trustedMarkers } from "../markers.js";
import { hotfixBranch } from "../names.js";
import { addEntry } from "./state-changes.js";
import { timelineWords } from "./timeline-words.js";

/**
 * The incident's code in other repositories (organisation mode, §13), as its own code
 * shows on the timeline: the hotfix branch `/hotfix acme/api` created there, the pull
 * requests from it, and the deployments to the watched environment during the incident,
 * named with their repository. Read with the other repositories (`history.elsewhere`).
 */
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function withCode(
  history: IssueHistory,
): Array<RepositoryElsewhere & { code: NonNullable<RepositoryElsewhere["code"]> }> {
  return (history.elsewhere ?? []).flatMap((repo) =>
    repo.visible && repo.code ? [{ ...repo, code: repo.code }] : [],
  );
}

/** Pull requests from the incident's hotfix branch in the other repositories. */
export function hotfixPullsElsewhere(history: IssueHistory): PullFact[] {
  return withCode(history).flatMap((repo) => repo.code.hotfixPulls);
}

export function codeEntriesElsewhere(
  state: IncidentState,
  history: IssueHistory,
  config: Config,
  botLogin: string,
): void {
  for (const repo of withCode(history)) {
    if (state.id) hotfixBranchEntry(state, history, repo, state.id, botLogin);
    deploymentRows(state, config, {
      deployments: repo.code.deployments,
      defaultBranch: repo.defaultBranch,
      url: repo.url,
      repository: repo.nameWithOwner,
    });
  }
}

/**
 * The hotfix branch there, at the `/hotfix` that created it (the app's reply names the
 * branch with its repository and the command's key), else at the first `/hotfix` that
 * named the repository; the reply keeps the row after the branch is deleted on merge.
 */
function hotfixBranchEntry(
  state: IncidentState,
  history: IssueHistory,
  repo: RepositoryElsewhere,
  id: string,
  botLogin: string,
): void {
  const branch = hotfixBranch(id);
  const named = `${repo.nameWithOwner}:${branch}`;
  const created = history.items
    .flatMap((item) => (item.type === "comment" ? trustedMarkers(item, botLogin) : []))
    .find((m) => m.kind === "reply" && same(m.fields.branch ?? "", named));
  if (!created && !repo.code?.hotfix) return;
  const ack = state.acknowledgements.find((a) => {
    if (a.kind !== "accepted" || a.command.kind !== "hotfix") return false;
    if (created) return created.fields.key === `hotfix:${a.comment.databaseId}:${a.line}`;
    return !!a.command.repository && same(a.command.repository, repo.nameWithOwner);
  });
  if (ack?.kind !== "accepted" || ack.command.kind !== "hotfix") return;
  const words = timelineWords.hotfixFrom;
  const from = ack.command.from;
  const label =
    from === null
      ? words.defaultBranchOf(repo.nameWithOwner)
      : from === "deployed"
        ? words.deployed
        : words.ref(from);
  addEntry(
    state,
    "hotfix",
    ack.comment.at,
    ack.comment.author?.login ?? null,
    timelineWords.hotfixBranch(named, label),
    { url: `${repo.url}/compare/${branch}`, commentId: ack.comment.databaseId },
  );
}

/**
 * Deployments of a repository's default branch to the watched environment whose statuses
 * came between the start of impact and resolution. `repository` names another repository's.
 */
export function deploymentRows(
  state: IncidentState,
  config: Config,
  code: {
    deployments: readonly DeploymentFact[];
    defaultBranch: string | null;
    url: string;
    repository: string | null;
  },
): void {
  const from = state.times.started ?? state.times.declared;
  const until = state.times.resolved;
  if (!from) return;
  for (const deployment of code.deployments) {
    if (deployment.ref !== code.defaultBranch || deployment.environment !== config.deployments.environment)
      continue;
    for (const status of deployment.statuses) {
      const outcome = timelineWords.deploymentOutcome[status.state];
      if (!outcome || status.at < from || (until && status.at > until)) continue;
      const text = code.repository
        ? timelineWords.deploymentOf(code.repository, deployment.environment, outcome, deployment.sha)
        : timelineWords.deployment(deployment.environment, outcome, deployment.sha);
      addEntry(state, "deployment", status.at, status.by, text, {
        url: `${code.url}/commit/${deployment.sha}`,
        quote: status.description || null,
      });
    }
  }
}
