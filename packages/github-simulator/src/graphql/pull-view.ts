import { pullFiles } from "../rest/pull-shapes.js";
import type { SimContext } from "../sim-context.js";
import { ancestors, branchHead } from "../store/git-objects.js";
import type { Issue, Repo } from "../store/model.js";
import { requirePull } from "../store/pull-writes.js";
import { connection } from "./connection.js";
import { authorView, commitView, refView } from "./git-view.js";
import { type Args, argObject, argString, argStrings, type View } from "./gql-types.js";
import { issueView } from "./issue-view.js";

/** Pull requests: an issue's fields plus head, base, merge state, files and commits. */

function pullState(issue: Issue): "OPEN" | "CLOSED" | "MERGED" {
  if (issue.pull?.merged) return "MERGED";
  return issue.state === "open" ? "OPEN" : "CLOSED";
}

/** Commits on the head that the base did not have (for a merged one: before the merge). */
function pullCommits(repo: Repo, issue: Issue): string[] {
  const pull = requirePull(issue);
  const merge = pull.mergeCommitSha ? repo.git.commits[pull.mergeCommitSha] : undefined;
  const base = merge?.parents[0] ?? branchHead(repo, pull.baseRef);
  const excluded = new Set(base ? ancestors(repo.git, base) : []);
  return ancestors(repo.git, pull.headSha)
    .filter((sha) => !excluded.has(sha))
    .reverse();
}

export function pullView(sim: SimContext, repo: Repo, issue: Issue): View {
  const pull = requirePull(issue);
  const path = `/${repo.owner}/${repo.name}/pull/${issue.number}`;
  const files = () => pullFiles(repo, issue);
  const merge = pull.mergeCommitSha ? repo.git.commits[pull.mergeCommitSha] : undefined;
  return {
    ...issueView(sim, repo, issue),
    __typename: "PullRequest",
    url: `${sim.htmlUrl}${path}`,
    permalink: `${sim.htmlUrl}${path}`,
    resourcePath: path,
    state: pullState(issue),
    merged: pull.merged,
    mergedAt: pull.mergedAt,
    mergedBy: () => (pull.mergedBy ? authorView(sim, pull.mergedBy) : null),
    mergeCommit: () => (merge ? commitView(sim, repo, merge) : null),
    isDraft: pull.draft,
    headRefName: pull.headRef,
    headRefOid: pull.headSha,
    baseRefName: pull.baseRef,
    baseRefOid: branchHead(repo, pull.baseRef) ?? "",
    headRef: () => refView(sim, repo, `refs/heads/${pull.headRef}`),
    baseRef: () => refView(sim, repo, `refs/heads/${pull.baseRef}`),
    changedFiles: () => files().length,
    additions: () => files().length,
    deletions: 0,
    files: (args: Args) =>
      connection(files(), args, {
        field: "files",
        typename: "PullRequestChangedFileConnection",
        edgeTypename: "PullRequestChangedFileEdge",
        toNode: (filePath) => ({
          __typename: "PullRequestChangedFile",
          path: filePath,
          additions: 1,
          deletions: 0,
          changeType: "MODIFIED",
          viewerViewedState: "UNVIEWED",
        }),
      }),
    commits: (args: Args) =>
      connection(pullCommits(repo, issue), args, {
        field: "commits",
        typename: "PullRequestCommitConnection",
        edgeTypename: "PullRequestCommitEdge",
        toNode: (sha) => {
          const commit = repo.git.commits[sha];
          return {
            __typename: "PullRequestCommit",
            id: `PRC_${issue.number}_${sha}`,
            url: `${sim.htmlUrl}${path}/commits/${sha}`,
            resourcePath: `${path}/commits/${sha}`,
            commit: commit ? commitView(sim, repo, commit) : null,
          };
        },
      }),
  };
}

const ORDER: Record<string, (issue: Issue) => number> = {
  CREATED_AT: (i) => Date.parse(i.createdAt),
  UPDATED_AT: (i) => Date.parse(i.updatedAt),
  COMMENTS: (i) => i.commentIds.length,
};

/** `pullRequests(states, headRefName, baseRefName, labels, orderBy)`; default order: created, ascending. */
export function pullConnection(sim: SimContext, repo: Repo, args: Args): View {
  const states = argStrings(args, "states");
  const head = argString(args, "headRefName");
  const base = argString(args, "baseRefName");
  const labels = (argStrings(args, "labels") ?? []).map((l) => l.toLowerCase());
  const selected = repo.issues.filter((issue) => {
    if (!issue.pull) return false;
    if (states && !states.includes(pullState(issue))) return false;
    if (head && issue.pull.headRef !== head) return false;
    if (base && issue.pull.baseRef !== base) return false;
    if (labels.length > 0) {
      const names = issue.labelIds.map((id) => sim.store.labelById(repo, id).name.toLowerCase());
      if (!labels.some((l) => names.includes(l))) return false;
    }
    return true;
  });
  const orderBy = argObject(args, "orderBy") ?? {};
  const keyOf = ORDER[argString(orderBy, "field") ?? "CREATED_AT"] ?? ORDER.CREATED_AT;
  const direction = argString(orderBy, "direction") === "DESC" ? -1 : 1;
  if (keyOf) selected.sort((a, b) => direction * (keyOf(a) - keyOf(b) || a.number - b.number));
  return connection(selected, args, {
    field: "pullRequests",
    typename: "PullRequestConnection",
    edgeTypename: "PullRequestEdge",
    toNode: (issue) => pullView(sim, repo, issue),
  });
}
