import type { IssueHistory } from "../kernel/history.js";
import type { Plan, Write } from "../kernel/plan.js";
import { isCodeWrite } from "./apply-answered.js";
import { codeSteps } from "./batch-code-steps.js";
import type { BatchStep } from "./batch-step.js";
import type { Target } from "./client.js";

export type { BatchStep } from "./batch-step.js";

export function batchSteps(
  write: Write,
  target: Target,
  history: IssueHistory,
  plan: Plan = [],
): BatchStep[] | null {
  if (isCodeWrite(write)) return codeSteps(write, history, plan);
  const step = (
    field: string,
    inputType: string,
    input: Record<string, unknown>,
    returns: BatchStep["returns"],
    legacy: string,
  ): BatchStep => ({ write, field, inputType, input, returns, legacy });
  switch (write.kind) {
    case "react":
      return [
        step(
          "addReaction",
          "AddReactionInput",
          { subjectId: write.subjectId, content: write.content },
          null,
          "AddReaction",
        ),
      ];
    case "add-comment":
      return [
        step(
          "addComment",
          "AddCommentInput",
          { subjectId: target.issueId, body: write.body },
          "comment-edge",
          "AddComment",
        ),
      ];
    case "comment-on":
      return [
        step(
          "addComment",
          "AddCommentInput",
          { subjectId: write.subjectId, body: write.body },
          null,
          write.purpose === "reminder" ? "AddReminder" : "AddNotice",
        ),
      ];
    case "update-comment":
      return [
        step(
          "updateIssueComment",
          "UpdateIssueCommentInput",
          { id: write.commentId, body: write.body },
          "issue-comment",
          "UpdateComment",
        ),
      ];
    case "delete-comment":
      return [
        step("deleteIssueComment", "DeleteIssueCommentInput", { id: write.commentId }, null, "DeleteComment"),
      ];
    case "update-issue":
      return issueSteps(write, target, history, step);
    default:
      return null;
  }
}

type Step = (
  field: string,
  inputType: string,
  input: Record<string, unknown>,
  returns: BatchStep["returns"],
  legacy: string,
) => BatchStep;

function issueSteps(
  write: Extract<Write, { kind: "update-issue" }>,
  target: Target,
  history: IssueHistory,
  step: Step,
): BatchStep[] | null {
  const assigned = new Set(history.issue.assignees.map((login) => login.toLowerCase()));
  const added = (write.assignees ?? []).filter((login) => !assigned.has(login.toLowerCase()));
  // A new assignee needs a node id: the read has those of people who commented on the incident.
  const assigneeIds = added.map((login) => history.accountIds?.[login.toLowerCase()]);
  if (assigneeIds.some((id) => id === undefined)) return null;
  const input: Record<string, unknown> = { id: target.issueId };
  if (write.title !== undefined) input.title = write.title;
  if (write.body !== undefined) input.body = write.body;
  if (write.labels) {
    const ids = new Map(history.repo.labels.map((label) => [label.name.toLowerCase(), label.id]));
    const labelIds = write.labels.map((name) => ids.get(name.toLowerCase()));
    if (labelIds.some((id) => id === undefined)) return null;
    input.labelIds = labelIds;
  }
  const steps: BatchStep[] = [];
  if (Object.keys(input).length > 1)
    steps.push(step("updateIssue", "UpdateIssueInput", input, "issue", "UpdateIssue"));
  if (assigneeIds.length > 0)
    steps.push(
      step(
        "addAssigneesToAssignable",
        "AddAssigneesToAssignableInput",
        { assignableId: target.issueId, assigneeIds },
        "assignable",
        "AddAssignees",
      ),
    );
  if (write.state === "closed") {
    const stateReason = write.stateReason === "not_planned" ? "NOT_PLANNED" : "COMPLETED";
    steps.push(
      step("closeIssue", "CloseIssueInput", { issueId: target.issueId, stateReason }, "issue", "CloseIssue"),
    );
  } else if (write.state === "open") {
    steps.push(step("reopenIssue", "ReopenIssueInput", { issueId: target.issueId }, "issue", "ReopenIssue"));
  }
  return steps;
}
