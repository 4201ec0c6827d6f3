import type { IssueHistory } from "../kernel/history.js";
import {
  type CreatedIssue,
  describeWrite,
  fillRefs,
  type Plan,
  type RepoWrite,
  type Write,
} from "../kernel/plan.js";
import { addComment, applyAnswered, isCodeWrite, type WithIssue } from "./apply-answered.js";
import { addProjectItem, setProjectFields } from "./apply-board.js";
import { applyCodeWrite, explain } from "./apply-code-write.js";
import { addNotice, createIssue } from "./apply-issue-writes.js";
import type { Octokit, Target } from "./client.js";
import { ADD_REACTION_MUTATION, DELETE_COMMENT_MUTATION, UPDATE_COMMENT_MUTATION } from "./queries.js";
import type { CheckpointTrust } from "./read-basis.js";
import { type HistoryVariables, normaliseHistory } from "./read-history.js";
import { createLabels } from "./repo-labels.js";
import { classifyFailure } from "./request-failure.js";

/**
 * The one executor of plans: an incident's (`applyPlan`), and writes that need no
 * incident (`applyRepoPlan`: freeze checks, comments on pull requests, the sweep's
 * reminders). Comment writes on the incident are GraphQL mutations whose payload
 * returns the issue's history right after the write, which is the verify read.
 */
export interface ApplyResult {
  /** History as of the last write that returned one; null when the plan had none. */
  history: IssueHistory | null;
  /** A write after which the history was not returned (the caller re-reads to verify). */
  unverified: boolean;
  applied: string[];
  /** Issues created by `create-issue` writes, in order. */
  created: CreatedIssue[];
  /** Why the lead mutation (`applyPlanBatched`'s `lead`) failed; absent when it ran or there was none. */
  leadFailure?: string;
}

/** Writes that change nothing the incident's history shows: no verify read after them. */
const OFF_INCIDENT = new Set<string>([
  "react",
  "delete-comment",
  "comment-on",
  "add-project-item",
  "set-project-fields",
]);

export async function applyPlan(
  octokit: Octokit,
  target: Target,
  plan: Plan,
  variables: HistoryVariables,
  /**
   * `retried`: another run follows a failure worth retrying (so a code write's failure is not
   * reported yet). `trust`: the read's, so the verify's history can carry a checkpoint on.
   */
  options: { retried?: boolean; trust?: CheckpointTrust | null } = {},
): Promise<ApplyResult> {
  const result: ApplyResult = { history: null, unverified: false, applied: [], created: [] };
  const created = new Map<string, CreatedIssue>();
  const failed = new Set<string>();
  // A write GitHub refuses for good (a 422 on one assignee, say) must not block the rest of the plan.
  let refused: unknown = null;
  const skipped = (write: Write) => "failure" in write && !!write.failure && failed.has(write.failure.key);
  // Only the last write that returns the history asks for it, so a plan reads it (and its
  // later pages) once. Asked when the write is sent: a code write that fails skips the rest of its kind.
  const withVerify = (index: number): HistoryVariables => ({
    ...variables,
    verify: !plan.slice(index + 1).some((later) => returnsHistory(later) && !skipped(later)),
  });
  for (const [index, planned] of plan.entries()) {
    const write = withRefs(planned, created);
    if (skipped(write)) continue;
    if (write.kind === "create-issue") {
      const issue = await createIssue(octokit, target, write);
      created.set(write.ref, issue);
      result.created.push(issue);
    } else if (write.kind === "add-project-item") {
      const id = await addProjectItem(octokit, write);
      created.set(write.ref, { ref: write.ref, number: 0, url: "", id });
    }
    let issue: WithIssue | null;
    try {
      issue = isCodeWrite(write)
        ? await applyAnswered(
            octokit,
            target,
            write,
            () => withVerify(index),
            failed,
            options.retried ?? false,
          )
        : await applyWrite(octokit, target, write, withVerify(index));
    } catch (error) {
      if (classifyFailure(error).retry) throw error;
      refused ??= error;
      result.unverified = true;
      continue;
    }
    result.applied.push(describeWrite(write));
    if (issue) {
      result.history = await normaliseHistory(octokit, issue.repository, issue, undefined, options.trust);
      result.unverified = false;
    } else if (!OFF_INCIDENT.has(write.kind)) {
      result.unverified = true;
    }
  }
  if (refused) throw refused;
  return result;
}

/** Writes whose mutation can select the incident's history after it (code writes answer with a comment). */
function returnsHistory(write: Write): boolean {
  return write.kind === "add-comment" || write.kind === "update-comment" || isCodeWrite(write);
}

/** Fills in what earlier `create-issue` writes of the plan returned. */
function withRefs(write: Write, created: ReadonlyMap<string, CreatedIssue>): Write {
  if (created.size === 0) return write;
  switch (write.kind) {
    case "add-comment":
    case "comment-on":
      return { ...write, body: fillRefs(write.body, created) };
    case "add-project-item":
      return { ...write, contentId: fillRefs(write.contentId, created) };
    case "set-project-fields":
      return { ...write, itemId: fillRefs(write.itemId, created) };
    default:
      return write;
  }
}

async function applyWrite(
  octokit: Octokit,
  target: Target,
  write: Write,
  variables: HistoryVariables,
): Promise<WithIssue | null> {
  const { owner, repo, number } = target;
  switch (write.kind) {
    case "create-labels":
      await createLabels(octokit, owner, repo, write.labels);
      return null;
    case "update-issue": {
      const { kind: _kind, stateReason, assignees, ...fields } = write;
      const update = (withAssignees: boolean) =>
        octokit.rest.issues.update({
          owner,
          repo,
          issue_number: number,
          ...fields,
          ...(withAssignees && assignees ? { assignees } : {}),
          ...(stateReason ? { state_reason: stateReason } : {}),
        });
      try {
        await update(true);
      } catch (error) {
        // One login that cannot be assigned (`/ic @everyone`) makes GitHub refuse the whole
        // update. Apply the rest, then add assignees through the endpoint that skips such logins.
        if ((error as { status?: number }).status !== 422 || !assignees?.length) throw error;
        if (Object.keys(fields).length > 0) await update(false);
        await octokit.rest.issues.addAssignees({ owner, repo, issue_number: number, assignees });
      }
      return null;
    }
    case "react":
      await octokit.graphql(ADD_REACTION_MUTATION, { subjectId: write.subjectId, content: write.content });
      return null;
    case "add-comment":
      return addComment(octokit, target, write.body, variables);
    case "update-comment": {
      const data = await octokit.graphql<{ updateIssueComment: { issueComment: { issue?: WithIssue } } }>(
        UPDATE_COMMENT_MUTATION,
        { id: write.commentId, body: write.body, ...variables },
      );
      return data.updateIssueComment.issueComment.issue ?? null;
    }
    case "create-issue":
    case "add-project-item":
      return null;
    case "comment-on":
      await addNotice(octokit, write);
      return null;
    case "set-project-fields":
      await setProjectFields(octokit, write);
      return null;
    case "delete-comment":
      try {
        await octokit.graphql(DELETE_COMMENT_MUTATION, { id: write.commentId });
      } catch (error) {
        // A racing handler removed the same duplicate first.
        if (!String((error as Error).message).includes("NOT_FOUND")) throw error;
      }
      return null;
    default:
      return null;
  }
}

/**
 * Writes that need no incident, in order. With `onFailure`, a write GitHub fails is
 * reported there and the rest still go (a pull request's check must not wait on a
 * comment); without it, the first failure ends the plan for the caller to retry.
 */
export async function applyRepoPlan(
  octokit: Octokit,
  where: { owner: string; repo: string },
  plan: readonly RepoWrite[],
  /** Told of each write GitHub refused (and may throw to fail the run: it is retried). */
  onFailure?: (write: RepoWrite, reason: string, error: unknown) => void,
): Promise<number> {
  let applied = 0;
  for (const write of plan) {
    try {
      if (write.kind === "comment-on") await addNotice(octokit, write);
      else await applyCodeWrite(octokit, where, write);
      applied += 1;
    } catch (error) {
      if (!onFailure) throw error;
      onFailure(write, explain(error), error);
    }
  }
  return applied;
}
