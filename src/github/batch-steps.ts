import type { IssueHistory } from "../kernel/history.js";
import type { Plan, Write } from "../kernel/plan.js";
import { isCodeWrite } from "./apply-answered.js";
import { codeSteps } from "./batch-code-steps.js";
import { type BatchStep, incidentComment, mutationStep } from "./batch-step.js";
import type { Target } from "./client.js";

export type { BatchStep } from "./batch-step.js";

export function batchSteps(
  write: Write,
  target: Target,
  history: IssueHistory,
  plan: Plan = [],
): BatchStep[] | null {
  if (isCodeWrite(write)) return codeSteps(write, history, plan);
  switch (write.kind) {
    case "react":
      return [
        mutationStep(
          write,
          "addReaction",
          { subjectId: write.subjectId, content: write.content },
          "AddReaction",
        ),
      ];
    case "add-comment":
      return [incidentComment(write, target, "AddComment")];
    case "comment-on":
      return [
        mutationStep(
          write,
          "addComment",
          { subjectId: write.subjectId, body: write.body },
          write.purpose === "reminder" ? "AddReminder" : "AddNotice",
        ),
      ];
    case "update-comment":
      return [
        mutationStep(
          write,
          "updateIssueComment",
          { id: write.commentId, body: write.body },
          "UpdateComment",
          {
            returns: "issue-comment",
          },
        ),
      ];
    case "delete-comment":
      return [mutationStep(write, "deleteIssueComment", { id: write.commentId }, "DeleteComment")];
    case "update-issue":
      return issueSteps(write, target, history);
    default:
      return null;
  }
}

function issueSteps(
  write: Extract<Write, { kind: "update-issue" }>,
  target: Target,
  history: IssueHistory,
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
  const step = (
    field: string,
    stepInput: Record<string, unknown>,
    legacy: string,
    returns: BatchStep["returns"],
  ) => steps.push(mutationStep(write, field, stepInput, legacy, { returns }));
  if (Object.keys(input).length > 1) step("updateIssue", input, "UpdateIssue", "issue");
  if (assigneeIds.length > 0)
    step(
      "addAssigneesToAssignable",
      { assignableId: target.issueId, assigneeIds },
      "AddAssignees",
      "assignable",
    );
  if (write.state === "closed") {
    const stateReason = write.stateReason === "not_planned" ? "NOT_PLANNED" : "COMPLETED";
    step("closeIssue", { issueId: target.issueId, stateReason }, "CloseIssue", "issue");
  } else if (write.state === "open") {
    step("reopenIssue", { issueId: target.issueId }, "ReopenIssue", "issue");
  }
  return steps;
}
