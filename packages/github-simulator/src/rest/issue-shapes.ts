import type { SimContext } from "../sim-context.js";
import { authorAssociation } from "../store/access.js";
import {
  type Comment,
  type Issue,
  type Label,
  REACTION_CONTENTS,
  type Reaction,
  type Repo,
} from "../store/model.js";
import { userShape } from "./account-shapes.js";

function repoApi(ctx: SimContext, repo: Repo): string {
  return `${ctx.apiUrl}/repos/${repo.owner}/${repo.name}`;
}

export function labelShape(ctx: SimContext, repo: Repo, label: Label): Record<string, unknown> {
  return {
    id: label.id,
    node_id: label.nodeId,
    url: `${repoApi(ctx, repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description,
  };
}

export function reactionRollup(url: string, reactions: Reaction[]): Record<string, unknown> {
  const rollup: Record<string, unknown> = { url, total_count: reactions.length };
  for (const content of REACTION_CONTENTS) {
    rollup[content] = reactions.filter((r) => r.content === content).length;
  }
  return rollup;
}

export function reactionShape(ctx: SimContext, reaction: Reaction): Record<string, unknown> {
  return {
    id: reaction.id,
    node_id: reaction.nodeId,
    user: userShape(ctx, ctx.store.requireAccount(reaction.user)),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}

export function issueHtmlUrl(ctx: SimContext, repo: Repo, issue: Issue): string {
  return `${ctx.htmlUrl}/${repo.owner}/${repo.name}/issues/${issue.number}`;
}

export function commentHtmlUrl(ctx: SimContext, repo: Repo, comment: Comment): string {
  return `${ctx.htmlUrl}/${repo.owner}/${repo.name}/issues/${comment.issueNumber}#issuecomment-${comment.id}`;
}

/** `issue`, as REST returns it and webhooks embed it. */
export function issueShape(ctx: SimContext, repo: Repo, issue: Issue): Record<string, unknown> {
  const url = `${repoApi(ctx, repo)}/issues/${issue.number}`;
  const user = (login: string) => userShape(ctx, ctx.store.requireAccount(login));
  const assignees = issue.assignees.map(user);
  return {
    url,
    repository_url: repoApi(ctx, repo),
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: issueHtmlUrl(ctx, repo, issue),
    id: issue.id,
    node_id: issue.nodeId,
    number: issue.number,
    title: issue.title,
    user: user(issue.author),
    labels: issue.labelIds.map((id) => labelShape(ctx, repo, ctx.store.labelById(repo, id))),
    state: issue.state,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments: issue.commentIds.length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    closed_by: issue.state === "closed" && issue.closedBy ? user(issue.closedBy) : null,
    author_association: authorAssociation(ctx.store, issue.author, repo),
    active_lock_reason: null,
    sub_issues_summary: { total: 0, completed: 0, percent_completed: 0 },
    body: issue.body,
    reactions: reactionRollup(`${url}/reactions`, issue.reactions),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.stateReason,
  };
}

/** `issue-comment`, as REST returns it and webhooks embed it. */
export function commentShape(ctx: SimContext, repo: Repo, comment: Comment): Record<string, unknown> {
  const url = `${repoApi(ctx, repo)}/issues/comments/${comment.id}`;
  return {
    url,
    html_url: commentHtmlUrl(ctx, repo, comment),
    issue_url: `${repoApi(ctx, repo)}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: comment.nodeId,
    user: userShape(ctx, ctx.store.requireAccount(comment.author)),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(ctx.store, comment.author, repo),
    body: comment.body,
    reactions: reactionRollup(`${url}/reactions`, comment.reactions),
    performed_via_github_app: null,
  };
}
