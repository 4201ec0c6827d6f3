import type { IncidentState } from "../../kernel/incident-state.js";

/** "Action items: 1 of 3 done" or, when every one is closed, that they all are. */
export function actionItemSummary(state: IncidentState): string | null {
  const total = state.actionItems.length;
  if (total === 0) return null;
  const done = state.actionItems.filter((item) => !item.open).length;
  if (done === total)
    return total === 1 ? "✅ The action item is done." : `✅ All ${total} action items done.`;
  return `Action items: ${done} of ${total} done.`;
}
