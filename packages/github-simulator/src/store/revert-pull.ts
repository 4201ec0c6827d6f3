import { requirePermission } from "./access.js";
import { branchHead, branchRef, writeCommit, writeTree } from "./git-objects.js";
import { revertTree } from "./merge-trees.js";
import type { Issue, Repo } from "./model.js";
import { createPull, requirePull } from "./pull-writes.js";
import { SimError } from "./sim-error.js";
import type { SimStore } from "./store.js";

/**
 * GraphQL `revertPullRequest`: a branch `revert-<number>-<head>` off the base with one
 * commit undoing the merge, and a pull request from it. Like GitHub, it refuses an
 * unmerged pull request and one whose changes were changed again since (a conflict).
 */
export function revertPull(
  store: SimStore,
  actor: string,
  repo: Repo,
  original: Issue,
  input: { title?: string | null; body?: string | null; draft?: boolean },
): Issue {
  const pull = requirePull(original);
  requirePermission(store, actor, repo, "write");
  if (!pull.merged || !pull.mergeCommitSha) {
    throw new SimError("UNPROCESSABLE", `Pull request #${original.number} has not been merged.`);
  }
  const { git } = repo;
  const merge = git.commits[pull.mergeCommitSha];
  const before = merge?.parents[0] ? git.commits[merge.parents[0]] : undefined;
  const baseSha = branchHead(repo, pull.baseRef);
  const current = baseSha ? git.commits[baseSha] : undefined;
  if (!merge || !before || !current || !baseSha) {
    throw new SimError("UNPROCESSABLE", "The pull request could not be reverted.");
  }
  const tree = revertTree(git, before.tree, merge.tree, current.tree);
  if (tree === null) {
    throw new SimError(
      "UNPROCESSABLE",
      `Could not revert pull request #${original.number}: its changes conflict with later commits on ${pull.baseRef}.`,
    );
  }
  let branch = `revert-${original.number}-${pull.headRef}`;
  for (let n = 1; git.refs[branchRef(branch)]; n++) branch = `revert-${original.number}-${pull.headRef}-${n}`;
  const title = input.title?.trim() || `Revert "${original.title}"`;
  const commit = writeCommit(git, {
    tree: writeTree(git, tree),
    parents: [baseSha],
    message: `${title}\n\nThis reverts commit ${merge.sha}.`,
    author: store.requireAccount(actor).login,
    date: store.now(),
  });
  git.refs[branchRef(branch)] = commit.sha;
  return createPull(store, actor, repo, {
    title,
    body: input.body ?? `Reverts ${repo.owner}/${repo.name}#${original.number}`,
    head: branch,
    base: pull.baseRef,
    draft: input.draft ?? false,
  });
}
