import type { CreatedIssue, Write } from "../kernel/plan.js";
import type { Octokit } from "./client.js";
import { ADD_NOTICE_MUTATION } from "./queries-action-items.js";
import { ADD_REMINDER_MUTATION } from "./queries-sweep.js";

/** Creates an issue; when GitHub refuses the assignee (no access to the repo), creates it unassigned. */
export async function createIssue(
  octokit: Octokit,
  where: { owner: string; repo: string },
  write: Extract<Write, { kind: "create-issue" }>,
): Promise<CreatedIssue> {
  const fields = {
    owner: where.owner,
    repo: where.repo,
    title: write.title,
    body: write.body,
    labels: write.labels,
  };
  let data: { number: number; html_url: string; node_id: string };
  try {
    ({ data } = await octokit.rest.issues.create({ ...fields, assignees: write.assignees }));
  } catch (error) {
    if ((error as { status?: number }).status !== 422 || write.assignees.length === 0) throw error;
    ({ data } = await octokit.rest.issues.create(fields));
  }
  return { ref: write.ref, number: data.number, url: data.html_url, id: data.node_id };
}

/**
 * A comment on an issue other than the one being reconciled; nothing is read back.
 * Reminders go through their own operation name, so logs and request counts tell them apart.
 */
export async function addNotice(
  octokit: Octokit,
  write: Extract<Write, { kind: "comment-on" }>,
): Promise<void> {
  const mutation = write.purpose === "reminder" ? ADD_REMINDER_MUTATION : ADD_NOTICE_MUTATION;
  await octokit.graphql(mutation, { subjectId: write.subjectId, body: write.body });
}
