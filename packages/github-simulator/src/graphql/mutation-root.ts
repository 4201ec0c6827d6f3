import { addReaction, createComment, deleteComment, updateComment } from "../store/comment-writes.js";
import {
  addAssignees,
  addLabels,
  removeAssignees,
  removeLabels,
  setAssignees,
  setLabels,
} from "../store/issue-labels-assignees.js";
import { closeIssue, createIssue, editIssue, reopenIssue } from "../store/issue-writes.js";
import { createLabel } from "../store/label-writes.js";
import type { Comment, Issue, Label, Repo } from "../store/model.js";
import { transferIssue } from "../store/transfer-issue.js";
import { accountViewByLogin } from "./account-view.js";
import { encodeCursor } from "./connection.js";
import {
  type Args,
  argString,
  argStrings,
  type FieldFn,
  type GqlContext,
  GqlError,
  mutationInput,
  nodeNotFound,
  type View,
} from "./gql-types.js";
import { commentView, issueView, reactionFromGraphql, reactionGroups, reactionView } from "./issue-view.js";
import { projectMutations } from "./project-mutations.js";
import { resolveTarget } from "./query-root.js";
import { labelView } from "./repo-view.js";

function issueTarget(ctx: GqlContext, id: string): { repo: Repo; issue: Issue } {
  const target = resolveTarget(ctx, id);
  if (target.kind !== "issue") throw nodeNotFound(id);
  return target;
}

function commentTarget(ctx: GqlContext, id: string): { repo: Repo; issue: Issue; comment: Comment } {
  const target = resolveTarget(ctx, id);
  if (target.kind !== "comment") throw nodeNotFound(id);
  return target;
}

function labelsOf(ctx: GqlContext, repo: Repo, ids: string[]): Label[] {
  return ids.map((id) => {
    const target = resolveTarget(ctx, id);
    if (target.kind !== "label" || target.repo.id !== repo.id) throw nodeNotFound(id);
    return target.label;
  });
}

function loginsOf(ctx: GqlContext, ids: string[]): string[] {
  return ids.map((id) => {
    const target = resolveTarget(ctx, id);
    if (target.kind !== "account" || target.account.type === "Organization") throw nodeNotFound(id);
    return target.account.login;
  });
}

function payload(typename: string, args: Args, fields: Record<string, unknown>): View {
  return {
    __typename: typename,
    clientMutationId: argString(mutationInput(args), "clientMutationId") ?? null,
    ...fields,
  };
}

/** Each mutation changes the store (which sends the webhooks), then views the changed object. */
export const mutationRoot: Record<string, FieldFn> = {
  ...projectMutations,
  addComment: (args, ctx) => {
    const { repo, issue } = issueTarget(ctx, argString(mutationInput(args), "subjectId") ?? "");
    const comment = createComment(
      ctx.sim.store,
      ctx.viewer,
      repo,
      issue,
      argString(mutationInput(args), "body") ?? "",
    );
    const node = () => commentView(ctx.sim, repo, issue, comment);
    const cursor = encodeCursor(comment.id);
    return payload("AddCommentPayload", args, {
      commentEdge: { __typename: "IssueCommentEdge", cursor, node },
      timelineEdge: { __typename: "IssueTimelineItemEdge", cursor, node },
      subject: () => issueView(ctx.sim, repo, issue),
    });
  },

  updateIssueComment: (args, ctx) => {
    const { repo, issue, comment } = commentTarget(ctx, argString(mutationInput(args), "id") ?? "");
    updateComment(
      ctx.sim.store,
      ctx.viewer,
      repo,
      issue,
      comment,
      argString(mutationInput(args), "body") ?? "",
    );
    return payload("UpdateIssueCommentPayload", args, {
      issueComment: () => commentView(ctx.sim, repo, issue, comment),
    });
  },

  deleteIssueComment: (args, ctx) => {
    const { repo, issue, comment } = commentTarget(ctx, argString(mutationInput(args), "id") ?? "");
    deleteComment(ctx.sim.store, ctx.viewer, repo, issue, comment);
    return payload("DeleteIssueCommentPayload", args, {});
  },

  addReaction: (args, ctx) => {
    const subjectId = argString(mutationInput(args), "subjectId") ?? "";
    const content = reactionFromGraphql(argString(mutationInput(args), "content") ?? "");
    const target = resolveTarget(ctx, subjectId);
    if (!content) throw new GqlError("UNPROCESSABLE", "Unknown reaction content");
    if (target.kind !== "issue" && target.kind !== "comment") throw nodeNotFound(subjectId);
    const subjectRecord = target.kind === "comment" ? target.comment : target.issue;
    const { reaction } = addReaction(ctx.sim.store, ctx.viewer, target.repo, subjectRecord, content);
    const subject = () =>
      target.kind === "comment"
        ? commentView(ctx.sim, target.repo, target.issue, target.comment)
        : issueView(ctx.sim, target.repo, target.issue);
    return payload("AddReactionPayload", args, {
      reaction: reactionView(ctx.sim, reaction, subject),
      subject,
      reactionGroups: reactionGroups(ctx.sim, subjectRecord.reactions, subject),
    });
  },

  updateIssue: (args, ctx) => {
    const i = mutationInput(args);
    const { repo, issue } = issueTarget(ctx, argString(i, "id") ?? "");
    const { store } = ctx.sim;
    editIssue(store, ctx.viewer, repo, issue, {
      title: argString(i, "title"),
      body: "body" in i ? (argString(i, "body") ?? null) : undefined,
    });
    const labelIds = argStrings(i, "labelIds");
    if (labelIds) setLabels(store, ctx.viewer, repo, issue, labelsOf(ctx, repo, labelIds));
    const assigneeIds = argStrings(i, "assigneeIds");
    if (assigneeIds) setAssignees(store, ctx.viewer, repo, issue, loginsOf(ctx, assigneeIds));
    const state = argString(i, "state");
    if (state === "CLOSED") closeIssue(store, ctx.viewer, repo, issue);
    if (state === "OPEN") reopenIssue(store, ctx.viewer, repo, issue);
    return payload("UpdateIssuePayload", args, {
      issue: () => issueView(ctx.sim, repo, issue),
      actor: () => accountViewByLogin(ctx.sim, ctx.viewer),
    });
  },

  closeIssue: (args, ctx) => {
    const { repo, issue } = issueTarget(ctx, argString(mutationInput(args), "issueId") ?? "");
    const reason = argString(mutationInput(args), "stateReason")?.toLowerCase();
    const stateReason = reason === "not_planned" || reason === "duplicate" ? reason : "completed";
    closeIssue(ctx.sim.store, ctx.viewer, repo, issue, stateReason);
    return payload("CloseIssuePayload", args, { issue: () => issueView(ctx.sim, repo, issue) });
  },

  reopenIssue: (args, ctx) => {
    const { repo, issue } = issueTarget(ctx, argString(mutationInput(args), "issueId") ?? "");
    reopenIssue(ctx.sim.store, ctx.viewer, repo, issue);
    return payload("ReopenIssuePayload", args, { issue: () => issueView(ctx.sim, repo, issue) });
  },

  addLabelsToLabelable: (args, ctx) => {
    const { repo, issue } = issueTarget(ctx, argString(mutationInput(args), "labelableId") ?? "");
    addLabels(
      ctx.sim.store,
      ctx.viewer,
      repo,
      issue,
      labelsOf(ctx, repo, argStrings(mutationInput(args), "labelIds") ?? []),
    );
    return payload("AddLabelsToLabelablePayload", args, { labelable: () => issueView(ctx.sim, repo, issue) });
  },

  removeLabelsFromLabelable: (args, ctx) => {
    const { repo, issue } = issueTarget(ctx, argString(mutationInput(args), "labelableId") ?? "");
    const labels = labelsOf(ctx, repo, argStrings(mutationInput(args), "labelIds") ?? []);
    removeLabels(ctx.sim.store, ctx.viewer, repo, issue, labels);
    return payload("RemoveLabelsFromLabelablePayload", args, {
      labelable: () => issueView(ctx.sim, repo, issue),
    });
  },

  addAssigneesToAssignable: (args, ctx) => {
    const { repo, issue } = issueTarget(ctx, argString(mutationInput(args), "assignableId") ?? "");
    const logins = loginsOf(ctx, argStrings(mutationInput(args), "assigneeIds") ?? []);
    addAssignees(ctx.sim.store, ctx.viewer, repo, issue, logins);
    return payload("AddAssigneesToAssignablePayload", args, {
      assignable: () => issueView(ctx.sim, repo, issue),
    });
  },

  removeAssigneesFromAssignable: (args, ctx) => {
    const { repo, issue } = issueTarget(ctx, argString(mutationInput(args), "assignableId") ?? "");
    const logins = loginsOf(ctx, argStrings(mutationInput(args), "assigneeIds") ?? []);
    removeAssignees(ctx.sim.store, ctx.viewer, repo, issue, logins);
    return payload("RemoveAssigneesFromAssignablePayload", args, {
      assignable: () => issueView(ctx.sim, repo, issue),
    });
  },

  createIssue: (args, ctx) => {
    const i = mutationInput(args);
    const repoId = argString(i, "repositoryId") ?? "";
    const target = resolveTarget(ctx, repoId);
    if (target.kind !== "repo") throw nodeNotFound(repoId);
    const { repo } = target;
    const labels = labelsOf(ctx, repo, argStrings(i, "labelIds") ?? []);
    const assignees = loginsOf(ctx, argStrings(i, "assigneeIds") ?? []);
    const issue = createIssue(ctx.sim.store, ctx.viewer, repo, {
      title: argString(i, "title") ?? "",
      body: argString(i, "body") ?? null,
      labels: labels.map((l) => l.name),
      assignees,
    });
    return payload("CreateIssuePayload", args, { issue: () => issueView(ctx.sim, repo, issue) });
  },

  transferIssue: (args, ctx) => {
    const i = mutationInput(args);
    const { repo, issue } = issueTarget(ctx, argString(i, "issueId") ?? "");
    const repoId = argString(i, "repositoryId") ?? "";
    const target = resolveTarget(ctx, repoId);
    if (target.kind !== "repo") throw nodeNotFound(repoId);
    const create = (i as Record<string, unknown>).createLabelsIfMissing === true;
    const moved = transferIssue(ctx.sim.store, ctx.viewer, repo, issue, target.repo, create);
    return payload("TransferIssuePayload", args, { issue: () => issueView(ctx.sim, target.repo, moved) });
  },

  createLabel: (args, ctx) => {
    const i = mutationInput(args);
    const repoId = argString(i, "repositoryId") ?? "";
    const target = resolveTarget(ctx, repoId);
    if (target.kind !== "repo") throw nodeNotFound(repoId);
    const label = createLabel(ctx.sim.store, ctx.viewer, target.repo, {
      name: argString(i, "name") ?? "",
      color: argString(i, "color"),
      description: argString(i, "description") ?? null,
    });
    return payload("CreateLabelPayload", args, { label: () => labelView(ctx.sim, target.repo, label) });
  },
};
