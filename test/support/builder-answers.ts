import { bot, type HistoryBuilder } from "./history-builder.js";
import { rawHistoryResponse } from "./raw-history.js";

/**
 * GitHub's answers to the app's history read and comment mutations, from a test
 * history that the writes update (at `at`), so the verify read that rides on a
 * mutation sees them. The one copy behind every nock helper. Null: not one of these.
 */
export function historyAnswer(
  builder: HistoryBuilder,
  operation: string,
  variables: Record<string, unknown>,
  at: string,
): { data: unknown } | null {
  const comment = (id: unknown) => {
    const found = builder.history.items.find((item) => item.type === "comment" && item.id === id);
    return found?.type === "comment" ? found : null;
  };
  // As `@include(if: $verify)` does: the history only when the mutation asks for it.
  const issue = () =>
    variables.verify === false ? undefined : rawHistoryResponse(builder.history).issueWithRepository;
  switch (operation) {
    case "IncidentHistory":
      return { data: { repository: rawHistoryResponse(builder.history).repository } };
    case "AddComment":
      builder.comment(String(variables.body), at, bot);
      return { data: { addComment: { commentEdge: { node: { issue: issue() } } } } };
    case "UpdateComment": {
      const found = comment(variables.id);
      if (found) found.body = String(variables.body);
      return { data: { updateIssueComment: { issueComment: { issue: issue() } } } };
    }
    case "AddReaction":
      comment(variables.subjectId)?.appReactions.push(variables.content as "EYES");
      return { data: { addReaction: { reaction: { content: variables.content } } } };
    default:
      return null;
  }
}

/** `PATCH /repos/…/issues/N` applied as GitHub would: renamed, labelled, assigned, closed or reopened by the app. */
export function patchIssue(builder: HistoryBuilder, patch: Record<string, unknown>, at: string): void {
  const issue = builder.history.issue;
  const labels = Array.isArray(patch.labels) ? (patch.labels as string[]) : null;
  if (typeof patch.title === "string" && patch.title !== issue.title) builder.rename(patch.title, at);
  for (const label of labels ?? []) if (!issue.labels.includes(label)) builder.label(label, at, bot);
  for (const label of [...issue.labels])
    if (labels && !labels.includes(label)) builder.unlabel(label, at, bot);
  if (Array.isArray(patch.assignees)) issue.assignees = patch.assignees as string[];
  if (patch.state === "closed" && issue.state === "OPEN") builder.close(at, bot);
  if (patch.state === "open" && issue.state === "CLOSED") builder.reopen(at, bot);
}
