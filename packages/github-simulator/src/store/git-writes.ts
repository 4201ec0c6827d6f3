import { requirePermission } from "./access.js";
import type { GitCommit } from "./code-model.js";
import { branchHead, branchRef, treeFiles, writeCommit, writeFilesTree } from "./git-objects.js";
import type { Repo } from "./model.js";
import { notFound, SimError } from "./sim-error.js";
import type { SimStore } from "./store.js";

/**
 * Writes to refs: creating, moving and deleting them, and committing files onto a
 * branch. Moving the head branch of an open pull request sends `synchronize`.
 */

function unprocessable(message: string): SimError {
  return new SimError("UNPROCESSABLE", message);
}

export function createRef(store: SimStore, actor: string, repo: Repo, ref: string, sha: string): void {
  requirePermission(store, actor, repo, "write");
  if (!/^refs\/.+/.test(ref) || ref.split("/").length < 3) unprocessableRef(ref);
  if (repo.git.refs[ref]) throw unprocessable("Reference already exists");
  if (!repo.git.commits[sha]) throw unprocessable("Object does not exist");
  repo.git.refs[ref] = sha;
  touch(store, repo);
}

function unprocessableRef(ref: string): never {
  throw unprocessable(`${ref} is not a valid ref name.`);
}

/** Moves a ref; without `force` only forward (the new commit must contain the old one). */
export function updateRef(
  store: SimStore,
  actor: string,
  repo: Repo,
  ref: string,
  sha: string,
  force = false,
): void {
  requirePermission(store, actor, repo, "write");
  const before = repo.git.refs[ref];
  if (!before) throw unprocessable("Reference does not exist");
  const commit = repo.git.commits[sha];
  if (!commit) throw unprocessable("Object does not exist");
  if (!force && before !== sha && !isAncestor(repo, before, sha))
    throw unprocessable("Update is not a fast forward");
  moveRef(store, actor, repo, ref, sha);
}

export function deleteRef(store: SimStore, actor: string, repo: Repo, ref: string): void {
  requirePermission(store, actor, repo, "write");
  if (!repo.git.refs[ref]) throw unprocessable("Reference does not exist");
  if (ref === branchRef(repo.defaultBranch)) throw unprocessable("Cannot delete the default branch");
  delete repo.git.refs[ref];
  touch(store, repo);
}

function isAncestor(repo: Repo, ancestor: string, of: string): boolean {
  const queue = [of];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const sha = queue.shift() as string;
    if (sha === ancestor) return true;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(repo.git.commits[sha]?.parents ?? []));
  }
  return false;
}

/** Points `ref` at `sha` (no checks) and tells open pull requests whose head it is. */
export function moveRef(store: SimStore, actor: string, repo: Repo, ref: string, sha: string): void {
  const before = repo.git.refs[ref] ?? null;
  repo.git.refs[ref] = sha;
  touch(store, repo);
  if (before === sha) return;
  for (const issue of repo.issues) {
    const pull = issue.pull;
    if (!pull || issue.state !== "open" || branchRef(pull.headRef) !== ref) continue;
    const previous = pull.headSha;
    pull.headSha = sha;
    issue.updatedAt = store.now();
    store.emit({ type: "pull_request.synchronize", repo, issue, actor, before: previous, after: sha });
  }
}

function touch(store: SimStore, repo: Repo): void {
  repo.pushedAt = store.now();
  repo.updatedAt = repo.pushedAt;
}

/** One commit on `branch` changing files (`null` deletes one); moves the branch. */
export function commitFiles(
  store: SimStore,
  actor: string,
  repo: Repo,
  input: { branch: string; message: string; changes: Record<string, string | null> },
): GitCommit {
  requirePermission(store, actor, repo, "write");
  const head = branchHead(repo, input.branch);
  if (!head) throw notFound(`Branch ${input.branch} not found`);
  const parent = repo.git.commits[head] as GitCommit;
  const files = treeFiles(repo.git, parent.tree);
  for (const [path, text] of Object.entries(input.changes)) {
    if (text === null) delete files[path];
    else files[path] = text;
  }
  const commit = writeCommit(repo.git, {
    tree: writeFilesTree(repo.git, files),
    parents: [head],
    message: input.message,
    author: store.requireAccount(actor).login,
    date: store.now(),
  });
  moveRef(store, actor, repo, branchRef(input.branch), commit.sha);
  return commit;
}

/** The initial commit of a new repository. */
export function seedDefaultBranch(store: SimStore, repo: Repo, files: Record<string, string>): void {
  const commit = writeCommit(repo.git, {
    tree: writeFilesTree(repo.git, files),
    parents: [],
    message: "Initial commit",
    author: repo.owner,
    date: store.now(),
  });
  repo.git.refs[branchRef(repo.defaultBranch)] = commit.sha;
}
