import { authorAssociation, requirePermission } from "./access.js";
import { closeReferencedIssues } from "./closing-references.js";
import type { PullFields } from "./code-model.js";
import { recordReferences } from "./cross-references.js";
import { branchHead, branchRef, mergeBase, writeCommit, writeTree } from "./git-objects.js";
import { moveRef } from "./git-writes.js";
import { issueRecord, requireParticipation } from "./issue-writes.js";
import { mergeTrees } from "./merge-trees.js";
import type { Issue, Repo } from "./model.js";
import { SimError } from "./sim-error.js";
import type { SimStore } from "./store.js";

/** Pull requests: opening, editing, closing, merging, reviewers. */

export interface NewPull {
  title: string;
  body: string | null;
  head: string;
  base: string;
  draft?: boolean;
}

function invalid(field: string, message: string): SimError {
  return new SimError("UNPROCESSABLE", "Validation Failed", [
    { resource: "PullRequest", code: "custom", field, value: message },
  ]);
}

export function createPull(store: SimStore, actor: string, repo: Repo, input: NewPull): Issue {
  requireParticipation(store, actor, repo);
  const head = input.head.includes(":") ? (input.head.split(":")[1] ?? "") : input.head;
  const headSha = branchHead(repo, head);
  const baseSha = branchHead(repo, input.base);
  if (!headSha) throw invalid("head", `head ${input.head} is invalid`);
  if (!baseSha) throw invalid("base", `base ${input.base} is invalid`);
  if (input.title.trim() === "") throw invalid("title", "title is missing");
  const existing = repo.issues.find(
    (i) => i.state === "open" && i.pull?.headRef === head && i.pull.baseRef === input.base,
  );
  if (existing) throw invalid("head", `A pull request already exists for ${repo.owner}:${head}.`);
  if (mergeBase(repo.git, baseSha, headSha) === headSha) {
    throw invalid("base", `No commits between ${input.base} and ${head}`);
  }
  const pull: PullFields = {
    headRef: head,
    headSha,
    baseRef: input.base,
    draft: input.draft ?? false,
    merged: false,
    mergedAt: null,
    mergedBy: null,
    mergeCommitSha: null,
    requestedReviewers: [],
    requestedTeams: [],
  };
  const issue = issueRecord(store, actor, repo, input.title, input.body, pull);
  store.emit({ type: "pull_request.opened", repo, issue, actor });
  recordReferences(store, repo, issue, actor, `${input.title}\n${input.body ?? ""}`);
  return issue;
}

export function updatePull(
  store: SimStore,
  actor: string,
  repo: Repo,
  issue: Issue,
  patch: { title?: string; body?: string | null; state?: "open" | "closed"; base?: string },
): void {
  const pull = requirePull(issue);
  if (issue.author.toLowerCase() !== actor.toLowerCase()) requirePermission(store, actor, repo, "write");
  const changes: {
    title?: { from: string };
    body?: { from: string };
    base?: { ref: { from: string }; sha: { from: string } };
  } = {};
  if (patch.title !== undefined && patch.title !== issue.title) {
    changes.title = { from: issue.title };
    issue.title = patch.title;
  }
  if (patch.body !== undefined && patch.body !== issue.body) {
    changes.body = { from: issue.body ?? "" };
    issue.body = patch.body;
    issue.lastEditedAt = store.now();
  }
  if (patch.base !== undefined && patch.base !== pull.baseRef) {
    const sha = branchHead(repo, patch.base);
    if (!sha) throw invalid("base", `Proposed base branch '${patch.base}' was not found`);
    changes.base = { ref: { from: pull.baseRef }, sha: { from: branchHead(repo, pull.baseRef) ?? "" } };
    pull.baseRef = patch.base;
  }
  if (Object.keys(changes).length > 0) {
    issue.updatedAt = store.now();
    store.emit({ type: "pull_request.edited", repo, issue, actor, changes });
    recordReferences(store, repo, issue, actor, `${issue.title}\n${issue.body ?? ""}`);
  }
  if (patch.state === "closed" && issue.state === "open") {
    issue.state = "closed";
    issue.closedAt = store.now();
    issue.closedBy = actor;
    issue.updatedAt = issue.closedAt;
    store.emit({ type: "pull_request.closed", repo, issue, actor });
  } else if (patch.state === "open" && issue.state === "closed") {
    if (pull.merged) throw invalid("state", "Cannot reopen a merged pull request");
    issue.state = "open";
    issue.closedAt = null;
    issue.updatedAt = store.now();
    store.emit({ type: "pull_request.reopened", repo, issue, actor });
  }
}

export function requirePull(issue: Issue): PullFields {
  if (!issue.pull) throw new SimError("NOT_FOUND", "Not Found");
  return issue.pull;
}

export type MergeMethod = "merge" | "squash" | "rebase";

/** Merges into the base branch (three-way); a conflict or a closed pull request is a 405. */
export function mergePull(
  store: SimStore,
  actor: string,
  repo: Repo,
  issue: Issue,
  opts: { method?: MergeMethod; sha?: string; title?: string; message?: string } = {},
): string {
  const pull = requirePull(issue);
  requirePermission(store, actor, repo, "write");
  if (issue.state !== "open") throw new SimError("NOT_ALLOWED", "Pull Request is not mergeable");
  if (opts.sha && opts.sha !== pull.headSha) {
    throw new SimError("CONFLICT", "Head branch was modified. Review and try the merge again.");
  }
  const baseSha = branchHead(repo, pull.baseRef) as string;
  const { git } = repo;
  const base = mergeBase(git, baseSha, pull.headSha);
  const tree = mergeTrees(
    git,
    base ? (git.commits[base]?.tree ?? null) : null,
    git.commits[baseSha]?.tree ?? "",
    git.commits[pull.headSha]?.tree ?? "",
  );
  if (tree === null) throw new SimError("NOT_ALLOWED", "Merge conflict");
  const method = opts.method ?? "merge";
  const title =
    opts.title ??
    (method === "merge"
      ? `Merge pull request #${issue.number} from ${repo.owner}/${pull.headRef}`
      : `${issue.title} (#${issue.number})`);
  const commit = writeCommit(git, {
    tree: writeTree(git, tree),
    parents: method === "merge" ? [baseSha, pull.headSha] : [baseSha],
    message: `${title}\n\n${opts.message ?? (method === "merge" ? issue.title : "")}`.trim(),
    author: store.requireAccount(actor).login,
    date: store.now(),
  });
  const now = store.now();
  pull.merged = true;
  pull.mergedAt = now;
  pull.mergedBy = store.requireAccount(actor).login;
  pull.mergeCommitSha = commit.sha;
  issue.state = "closed";
  issue.closedAt = now;
  issue.closedBy = actor;
  issue.updatedAt = now;
  moveRef(store, actor, repo, branchRef(pull.baseRef), commit.sha);
  store.emit({ type: "pull_request.closed", repo, issue, actor });
  closeReferencedIssues(store, actor, repo, issue);
  return commit.sha;
}

/** Reviewers must be collaborators, and never the author. */
export function requestReviewers(
  store: SimStore,
  actor: string,
  repo: Repo,
  issue: Issue,
  users: string[],
  teams: string[],
): void {
  const pull = requirePull(issue);
  requirePermission(store, actor, repo, "triage");
  for (const login of users) {
    const account = store.account(login);
    if (account && account.login.toLowerCase() === issue.author.toLowerCase()) {
      throw new SimError("UNPROCESSABLE", "Review cannot be requested from pull request author.");
    }
    if (!account || authorAssociation(store, login, repo) === "NONE") {
      throw new SimError(
        "UNPROCESSABLE",
        `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.owner}/${repo.name} repository.`,
      );
    }
  }
  for (const login of users) {
    const canonical = store.requireAccount(login).login;
    if (!pull.requestedReviewers.includes(canonical)) pull.requestedReviewers.push(canonical);
  }
  for (const team of teams) if (!pull.requestedTeams.includes(team)) pull.requestedTeams.push(team);
}
