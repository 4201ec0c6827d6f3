import type { Plan } from "../../src/kernel/plan.js";
import { bot, type HistoryBuilder } from "./history-builder.js";

/**
 * Applies the issue writes of a plan to a test history as GitHub would (renames,
 * labels, assignees, comments), so a test can decide again from the result.
 */
export function applyToBuilder(builder: HistoryBuilder, plan: Plan, at: string): void {
  const { issue } = builder.history;
  for (const write of plan) {
    if (write.kind === "update-issue") {
      if (write.title) builder.rename(write.title, at);
      for (const label of write.labels ?? issue.labels)
        if (!issue.labels.includes(label)) builder.label(label, at, bot);
      for (const label of [...issue.labels])
        if (write.labels && !write.labels.includes(label)) builder.unlabel(label, at, bot);
      if (write.assignees) issue.assignees = write.assignees;
      if (write.state) issue.state = write.state === "closed" ? "CLOSED" : "OPEN";
    } else if (write.kind === "add-comment") {
      builder.comment(write.body, at, bot);
    } else if (write.kind === "update-comment") {
      const comment = builder.history.items.find(
        (item) => item.type === "comment" && item.id === write.commentId,
      );
      if (comment?.type === "comment") comment.body = write.body;
    } else if (write.kind === "react") {
      const comment = builder.history.items.find(
        (item) => item.type === "comment" && item.id === write.subjectId,
      );
      if (comment?.type === "comment") comment.appReactions.push(write.content);
    }
  }
}
