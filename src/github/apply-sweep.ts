import type { IssueHistory } from "../kernel/history.js";
import { applyPlan } from "./apply-plan.js";
import type { Octokit, Target } from "./client.js";
import { ADD_REMINDER_MUTATION } from "./queries-sweep.js";
import type { HistoryVariables } from "./read-history.js";

/**
 * The sweep's writes: a reminder is one comment, read back by nobody; a record the
 * incident's timeline shows (an escalation, an automatic severity change) is posted
 * with the history-returning mutation, so the caller can converge the incident.
 */
export async function postReminder(octokit: Octokit, subjectId: string, body: string): Promise<void> {
  await octokit.graphql(ADD_REMINDER_MUTATION, { subjectId, body });
}

export async function postIncidentRecord(
  octokit: Octokit,
  target: Target,
  body: string,
  variables: HistoryVariables,
): Promise<IssueHistory | null> {
  const result = await applyPlan(
    octokit,
    target,
    [{ kind: "add-comment", purpose: "notice", body }],
    variables,
  );
  return result.history;
}
