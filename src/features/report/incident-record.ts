import type { IssueHistory } from "../../kernel/history.js";
import { type ProjectionContext, project } from "../../kernel/projection/project-history.js";
import type { CloseReason, IncidentRecord } from "./report-types.js";

/**
 * An issue's history projected with the app's own `project()` into what the
 * report reads. The close reason is GitHub's `stateReason` when the read has it,
 * else the one of the last close event while the issue is closed.
 */
export function incidentRecord(
  history: IssueHistory,
  ctx: ProjectionContext,
  closeReason?: CloseReason,
): IncidentRecord {
  return {
    repo: history.repo.nameWithOwner,
    number: history.issue.number,
    url: history.issue.url,
    title: history.issue.title,
    closeReason: closeReason !== undefined ? closeReason : lastCloseReason(history),
    labels: history.issue.labels,
    state: project(history, ctx),
    publicRepo: !history.repo.private,
  };
}

function lastCloseReason(history: IssueHistory): CloseReason {
  if (history.issue.state !== "CLOSED") return null;
  for (let index = history.items.length - 1; index >= 0; index -= 1) {
    const item = history.items[index];
    if (item?.type === "closed") return item.stateReason;
  }
  return null;
}
