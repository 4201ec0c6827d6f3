import { requirePermission } from "./access.js";
import { recordReferences } from "./cross-references.js";
import { checkBodyLength, requireParticipation } from "./issue-writes.js";
import type { Comment, Issue, Reaction, ReactionContent, Repo } from "./model.js";
import { SimError } from "./sim-error.js";
import type { SimStore } from "./store.js";

export function createComment(
  store: SimStore,
  actor: string,
  repo: Repo,
  issue: Issue,
  body: string,
): Comment {
  requireParticipation(store, actor, repo);
  if (body.trim() === "") {
    throw new SimError("UNPROCESSABLE", "Validation Failed", [
      { resource: "IssueComment", code: "missing_field", field: "body" },
    ]);
  }
  checkBodyLength(body, "IssueComment");
  const id = store.nextId();
  const now = store.now();
  const comment: Comment = {
    id,
    nodeId: `IC_${id}`,
    repoId: repo.id,
    issueNumber: issue.number,
    author: store.requireAccount(actor).login,
    body,
    createdAt: now,
    updatedAt: now,
    lastEditedAt: null,
    reactions: [],
  };
  store.state.comments.push(comment);
  issue.commentIds.push(id);
  issue.timeline.push({ kind: "IssueComment", seq: id, commentId: id });
  issue.updatedAt = now;
  store.register(comment.nodeId, { kind: "comment", repo, issue, comment });
  store.emit({ type: "issue_comment.created", repo, issue, comment, actor });
  recordReferences(store, repo, issue, actor, body);
  return comment;
}

/** Someone else's comment needs write access; your own only participation. */
function requireCommentEdit(store: SimStore, actor: string, repo: Repo, comment: Comment): void {
  requireParticipation(store, actor, repo);
  if (comment.author.toLowerCase() !== actor.toLowerCase()) requirePermission(store, actor, repo, "write");
}

export function updateComment(
  store: SimStore,
  actor: string,
  repo: Repo,
  issue: Issue,
  comment: Comment,
  body: string,
): void {
  requireCommentEdit(store, actor, repo, comment);
  checkBodyLength(body, "IssueComment");
  if (body === comment.body) return;
  const from = comment.body;
  const now = store.now();
  comment.body = body;
  comment.updatedAt = now;
  comment.lastEditedAt = now;
  comment.editor = actor;
  comment.edits = [...(comment.edits ?? []), { at: now, editor: actor }];
  store.emit({ type: "issue_comment.edited", repo, issue, comment, actor, changes: { body: { from } } });
  recordReferences(store, repo, issue, actor, body);
}

export function deleteComment(
  store: SimStore,
  actor: string,
  repo: Repo,
  issue: Issue,
  comment: Comment,
): void {
  requireCommentEdit(store, actor, repo, comment);
  store.state.comments = store.state.comments.filter((c) => c.id !== comment.id);
  issue.commentIds = issue.commentIds.filter((id) => id !== comment.id);
  issue.timeline = issue.timeline.filter((t) => !(t.kind === "IssueComment" && t.commentId === comment.id));
  store.unregister(comment.nodeId);
  store.emit({ type: "issue_comment.deleted", repo, issue, comment, actor });
}

/** Idempotent per user and content: `created` is false when the reaction already existed. */
export function addReaction(
  store: SimStore,
  actor: string,
  repo: Repo,
  subject: { reactions: Reaction[] },
  content: ReactionContent,
): { reaction: Reaction; created: boolean } {
  requireParticipation(store, actor, repo);
  const login = store.requireAccount(actor).login;
  const existing = subject.reactions.find((r) => r.user === login && r.content === content);
  if (existing) return { reaction: existing, created: false };
  const id = store.nextId();
  const reaction: Reaction = { id, nodeId: `REA_${id}`, user: login, content, createdAt: store.now() };
  subject.reactions.push(reaction);
  return { reaction, created: true };
}
