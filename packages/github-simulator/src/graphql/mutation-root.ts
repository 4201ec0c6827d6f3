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
import type { Label, Repo } from "../store/model.js";
import { transferIssue } from "../store/transfer-issue.js";
import { accountViewByLogin } from "./account-view.js";
import { encodeCursor } from "./connection.js";
import {
  argString,
  argStrings,
  type FieldFn,
  type GqlContext,
  GqlError,
  mutationInput,
  nodeNotFound,
} from "./gql-types.js";
import { commentView, issueView, reactionFromGraphql, reactionGroups, reactionView } from "./issue-view.js";
import { mutationPayload, targetOfKind } from "./mutation-kit.js";
import { projectMutations } from "./project-mutations.js";
import { resolveTarget } from "./query-root.js";
import { labelView } from "./repo-view.js";

const issueTarget = (ctx: GqlContext, id: string) => targetOfKind(ctx, id, "issue");
const commentTarget = (ctx: GqlContext, id: string) => targetOfKind(ctx, id, "comment");

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
    return mutationPayload("AddCommentPayload", args, {
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
    return mutationPayload("UpdateIssueCommentPayload", args, {
      issueComment: () => commentView(ctx.sim, repo, issue, comment),
    });
  },

  deleteIssueComment: (args, ctx) => {
    const { repo, issue, comment } = commentTarget(ctx, argString(mutationInput(args), "id") ?? "");
    deleteComment(ctx.sim.store, ctx.viewer, repo, issue, comment);
    return mutationPayload("DeleteIssueCommentPayload", args, {});
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
    return mutationPayload("AddReactionPayload", args, {
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
    return mutationPayload("UpdateIssuePayload", args, {
      issue: () => issueView(ctx.sim, repo, issue),
      actor: () => accountViewByLogin(ctx.sim, ctx.viewer),
    });
  },

  closeIssue: (args, ctx) => {
    const { repo, issue } = issueTarget(ctx, argString(mutationInput(args), "issueId") ?? "");
    const reason = argString(mutationInput(args), "stateReason")?.toLowerCase();
    const stateReason = reason === "not_planned" || reason === "duplicate" ? reason : "completed";
    closeIssue(ctx.sim.store, ctx.viewer, repo, issue, stateReason);
    return mutationPayload("CloseIssuePayload", args, { issue: () => issueView(ctx.sim, repo, issue) });
  },

  reopenIssue: (args, ctx) => {
    const { repo, issue } = issueTarget(ctx, argString(mutationInput(args), "issueId") ?? "");
    reopenIssue(ctx.sim.store, ctx.viewer, repo, issue);
    return mutationPayload("ReopenIssuePayload", args, { issue: () => issueView(ctx.sim, repo, issue) });
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
    return mutationPayload("AddLabelsToLabelablePayload", args, {
      labelable: () => issueView(ctx.sim, repo, issue),
    });
  },

  removeLabelsFromLabelable: (args, ctx) => {
    const { repo, issue } = issueTarget(ctx, argString(mutationInput(args), "labelableId") ?? "");
    const labels = labelsOf(ctx, repo, argStrings(mutationInput(args), "labelIds") ?? []);
    removeLabels(ctx.sim.store, ctx.viewer, repo, issue, labels);
    return mutationPayload("RemoveLabelsFromLabelablePayload", args, {
      labelable: () => issueView(ctx.sim, repo, issue),
    });
  },

  addAssigneesToAssignable: (args, ctx) => {
    const { repo, issue } = issueTarget(ctx, argString(mutationInput(args), "assignableId") ?? "");
    const logins = loginsOf(ctx, argStrings(mutationInput(args), "assigneeIds") ?? []);
    addAssignees(ctx.sim.store, ctx.viewer, repo, issue, logins);
    return mutationPayload("AddAssigneesToAssignablePayload", args, {
      assignable: () => issueView(ctx.sim, repo, issue),
    });
  },

  removeAssigneesFromAssignable: (args, ctx) => {
    const { repo, issue } = issueTarget(ctx, argString(mutationInput(args), "assignableId") ?? "");
    const logins = loginsOf(ctx, argStrings(mutationInput(args), "assigneeIds") ?? []);
    removeAssignees(ctx.sim.store, ctx.viewer, repo, issue, logins);
    return mutationPayload("RemoveAssigneesFromAssignablePayload", args, {
      assignable: () => issueView(ctx.sim, repo, issue),
    });
  },

  createIssue: (args, ctx) => {
    const i = mutationInput(args);
    const { repo } = targetOfKind(ctx, argString(i, "repositoryId") ?? "", "repo");
    const labels = labelsOf(ctx, repo, argStrings(i, "labelIds") ?? []);
    const assignees = loginsOf(ctx, argStrings(i, "assigneeIds") ?? []);
    const issue = createIssue(ctx.sim.store, ctx.viewer, repo, {
      title: argString(i, "title") ?? "",
      body: argString(i, "body") ?? null,
      labels: labels.map((l) => l.name),
      assignees,
    });
    return mutationPayload("CreateIssuePayload", args, { issue: () => issueView(ctx.sim, repo, issue) });
  },

  transferIssue: (args, ctx) => {
    const i = mutationInput(args);
    const { repo, issue } = issueTarget(ctx, argString(i, "issueId") ?? "");
    const target = targetOfKind(ctx, argString(i, "repositoryId") ?? "", "repo");
    const create = (i as Record<string, unknown>).createLabelsIfMissing === true;
    const moved = transferIssue(ctx.sim.store, ctx.viewer, repo, issue, target.repo, create);
    return mutationPayload("TransferIssuePayload", args, {
      issue: () => issueView(ctx.sim, target.repo, moved),
    });
  },

  createLabel: (args, ctx) => {
    const i = mutationInput(args);
    const target = targetOfKind(ctx, argString(i, "repositoryId") ?? "", "repo");
    const label = createLabel(ctx.sim.store, ctx.viewer, target.repo, {
      name: argString(i, "name") ?? "",
      color: argString(i, "color"),
      description: argString(i, "description") ?? null,
    });
    return mutationPayload("CreateLabelPayload", args, {
      label: () => labelView(ctx.sim, target.repo, label),
    });
  },
};
