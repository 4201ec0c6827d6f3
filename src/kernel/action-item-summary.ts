import type { ActionItemSummary, IncidentState } from "./incident-state.js";

/**
 * The action items as the review lists them: each tracked issue (its text from the
 * `/action` that asked for it when the history lacks the title), then each accepted
 * `/action` whose issue does not exist yet.
 */
export function actionItemSummaries(state: IncidentState): ActionItemSummary[] {
  const tracked = state.actionItems.map((item): ActionItemSummary => {
    const request = state.actionRequests.find((r) => r.key === item.key);
    const due = item.due ?? request?.due ?? null;
    return {
      text: item.title || request?.text || `#${item.number}`,
      owner: item.owner ?? request?.owner ?? null,
      due: due ? new Date(`${due}T00:00:00Z`) : null,
      priority: request?.priority ?? null,
      status: item.open ? "open" : "done",
      issue: item.number,
      closer: item.open ? null : item.closer,
    };
  });
  const keys = new Set(state.actionItems.map((item) => item.key));
  const pending = state.actionRequests
    .filter((request) => !keys.has(request.key))
    .map(
      (request): ActionItemSummary => ({
        text: request.text,
        owner: request.owner,
        due: request.due ? new Date(`${request.due}T00:00:00Z`) : null,
        priority: request.priority,
        status: "open",
        issue: null,
        closer: null,
      }),
    );
  return [...tracked, ...pending];
}
