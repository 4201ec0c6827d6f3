import type { SimContext } from "../sim-context.js";
import { authorAssociation } from "../store/access.js";
import { branchHead, changedPaths, mergeBase } from "../store/git-objects.js";
import type { Issue, Repo } from "../store/model.js";
import { requirePull } from "../store/pull-writes.js";
import { userShape } from "./account-shapes.js";
import { issueHtmlUrl, labelShape } from "./issue-shapes.js";
import { repoShape } from "./repo-shapes.js";

/** `pull-request` (REST and webhooks) and `pull-request-simple` (lists), and changed files. */

export function pullApi(ctx: SimContext, repo: Repo, number: number): string {
  return `${ctx.apiUrl}/repos/${repo.owner}/${repo.name}/pulls/${number}`;
}

export function pullHtmlUrl(ctx: SimContext, repo: Repo, issue: Issue): string {
  return `${ctx.htmlUrl}/${repo.owner}/${repo.name}/pull/${issue.number}`;
}

/** The files a pull request changes: against the merge base while open, the merge's parent once merged. */
export function pullFiles(repo: Repo, issue: Issue): string[] {
  const pull = requirePull(issue);
  const { git } = repo;
  if (pull.merged && pull.mergeCommitSha) {
    const merge = git.commits[pull.mergeCommitSha];
    const parent = merge?.parents[0] ? git.commits[merge.parents[0]] : undefined;
    return merge ? changedPaths(git, parent?.tree ?? null, merge.tree) : [];
  }
  const baseSha = branchHead(repo, pull.baseRef) ?? pull.headSha;
  const base = mergeBase(git, baseSha, pull.headSha);
  const head = git.commits[pull.headSha];
  return head ? changedPaths(git, base ? (git.commits[base]?.tree ?? null) : null, head.tree) : [];
}

function side(ctx: SimContext, repo: Repo, ref: string, sha: string): Record<string, unknown> {
  const owner = ctx.store.requireAccount(repo.owner);
  return {
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: userShape(ctx, owner),
    repo: repoShape(ctx, repo),
  };
}

export function pullSimpleShape(ctx: SimContext, repo: Repo, issue: Issue): Record<string, unknown> {
  const pull = requirePull(issue);
  const api = pullApi(ctx, repo, issue.number);
  const html = pullHtmlUrl(ctx, repo, issue);
  const issueApi = `${ctx.apiUrl}/repos/${repo.owner}/${repo.name}/issues/${issue.number}`;
  const statuses = `${ctx.apiUrl}/repos/${repo.owner}/${repo.name}/statuses/${pull.headSha}`;
  const user = (login: string) => userShape(ctx, ctx.store.requireAccount(login));
  const link = (href: string) => ({ href });
  const baseSha = branchHead(repo, pull.baseRef) ?? "";
  return {
    url: api,
    id: issue.id,
    node_id: issue.nodeId,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueApi,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${ctx.apiUrl}/repos/${repo.owner}/${repo.name}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: statuses,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: user(issue.author),
    body: issue.body,
    labels: issue.labelIds.map((id) => labelShape(ctx, repo, ctx.store.labelById(repo, id))),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: issue.assignees[0] ? user(issue.assignees[0]) : null,
    assignees: issue.assignees.map(user),
    requested_reviewers: pull.requestedReviewers.map(user),
    requested_teams: [],
    head: side(ctx, repo, pull.headRef, pull.headSha),
    base: side(ctx, repo, pull.baseRef, baseSha),
    _links: {
      self: link(api),
      html: link(html),
      issue: link(issueApi),
      comments: link(`${issueApi}/comments`),
      review_comments: link(`${api}/comments`),
      review_comment: link(`${ctx.apiUrl}/repos/${repo.owner}/${repo.name}/pulls/comments{/number}`),
      commits: link(`${api}/commits`),
      statuses: link(statuses),
    },
    author_association: authorAssociation(ctx.store, issue.author, repo),
    auto_merge: null,
    draft: pull.draft,
  };
}

export function pullShape(ctx: SimContext, repo: Repo, issue: Issue): Record<string, unknown> {
  const pull = requirePull(issue);
  const files = pullFiles(repo, issue);
  return {
    ...pullSimpleShape(ctx, repo, issue),
    merged: pull.merged,
    mergeable: issue.state === "open" ? true : null,
    rebaseable: issue.state === "open" ? true : null,
    mergeable_state: issue.state === "open" ? "clean" : "unknown",
    merged_by: pull.mergedBy ? userShape(ctx, ctx.store.requireAccount(pull.mergedBy)) : null,
    comments: issue.commentIds.length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: files.length,
    deletions: 0,
    changed_files: files.length,
  };
}

export function issueHtml(ctx: SimContext, repo: Repo, issue: Issue): string {
  return issue.pull ? pullHtmlUrl(ctx, repo, issue) : issueHtmlUrl(ctx, repo, issue);
}

/** `pull_request` of webhooks: the REST object with the webhook-only keys. */
export function pullWebhookShape(ctx: SimContext, repo: Repo, issue: Issue): Record<string, unknown> {
  return { ...pullShape(ctx, repo, issue), active_lock_reason: null };
}
