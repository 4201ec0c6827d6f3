import type { IssueHistory } from "../domain/history.js";
import {
  type CodeWrite,
  CREATED_PULL,
  describeWrite,
  type FailureSpec,
  type LabelSpec,
  type Plan,
  type Write,
} from "../plan/write.js";
import { applyCodeWrite, explain } from "./apply-code-write.js";
import {
  ADD_COMMENT_MUTATION,
  ADD_REACTION_MUTATION,
  DELETE_COMMENT_MUTATION,
  UPDATE_COMMENT_MUTATION,
} from "./queries.js";
import {
  type HistoryVariables,
  normaliseHistory,
  type Octokit,
  type RawIssue,
  type RawRepository,
} from "./read-history.js";

/**
 * The one executor of plans. Comment writes are GraphQL mutations whose payload
 * returns the issue's history right after the write, which is the verify read.
 */
export interface Target {
  owner: string;
  repo: string;
  number: number;
  issueId: string;
}

export interface ApplyResult {
  /** History as of the last write that returned one; null when the plan had none. */
  history: IssueHistory | null;
  /** A write after which the history was not returned (the caller re-reads to verify). */
  unverified: boolean;
  applied: string[];
}

type WithIssue = RawIssue & { repository: RawRepository };

export async function createLabels(octokit: Octokit, owner: string, repo: string, labels: LabelSpec[]) {
  for (const label of labels) {
    try {
      await octokit.rest.issues.createLabel({ owner, repo, ...label });
    } catch (error) {
      // Someone (or another replica) created it meanwhile: that is the state we wanted.
      if ((error as { status?: number }).status !== 422) throw error;
    }
  }
}

export async function applyPlan(
  octokit: Octokit,
  target: Target,
  plan: Plan,
  variables: HistoryVariables,
): Promise<ApplyResult> {
  const result: ApplyResult = { history: null, unverified: false, applied: [] };
  const failed = new Set<string>();
  for (const write of plan) {
    if ("failure" in write && failed.has(write.failure.key)) continue;
    const issue = isCodeWrite(write)
      ? await applyAnswered(octokit, target, write, variables, failed)
      : await applyWrite(octokit, target, write, variables);
    result.applied.push(describeWrite(write));
    if (issue) {
      result.history = await normaliseHistory(octokit, issue.repository, issue);
      result.unverified = false;
    } else if (write.kind !== "react" && write.kind !== "delete-comment") {
      result.unverified = true;
    }
  }
  return result;
}

const CODE_KINDS = new Set<string>([
  "create-branch",
  "revert-pull",
  "put-file",
  "create-pull",
  "set-check",
  "comment-on-pull",
]);

function isCodeWrite(write: Write): write is CodeWrite {
  return CODE_KINDS.has(write.kind);
}

/**
 * A code write and its answer on the incident: the reply when it succeeded (with the
 * pull request it opened), or what failed and why. Either comment returns the history.
 */
async function applyAnswered(
  octokit: Octokit,
  target: Target,
  write: CodeWrite,
  variables: HistoryVariables,
  failed: Set<string>,
): Promise<WithIssue | null> {
  const where = { owner: target.owner, repo: target.repo };
  let body: string | null;
  try {
    const { created, notes } = await applyCodeWrite(octokit, where, write);
    const reply = "reply" in write ? write.reply : null;
    body = reply
      ? `${reply.body.replaceAll(CREATED_PULL, created ? `#${created.number}` : "the pull request")}${notes.map((note) => `\n\n⚠️ Note: ${note}.`).join("")}`
      : null;
  } catch (error) {
    if (!("failure" in write)) throw error;
    failed.add(write.failure.key);
    body = failureBody(write.failure, error);
  }
  if (body === null) return null;
  return addComment(octokit, target, body, variables);
}

function failureBody(failure: FailureSpec, error: unknown): string {
  return `${failure.marker}\n⚠️ ${failure.what}: ${explain(error)}.\n`;
}

async function addComment(octokit: Octokit, target: Target, body: string, variables: HistoryVariables) {
  const data = await octokit.graphql<{ addComment: { commentEdge: { node: { issue: WithIssue } } } }>(
    ADD_COMMENT_MUTATION,
    { subjectId: target.issueId, body, ...variables },
  );
  return data.addComment.commentEdge.node.issue;
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
      const { kind: _kind, stateReason, ...fields } = write;
      await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: number,
        ...fields,
        ...(stateReason ? { state_reason: stateReason } : {}),
      });
      return null;
    }
    case "react":
      await octokit.graphql(ADD_REACTION_MUTATION, { subjectId: write.subjectId, content: write.content });
      return null;
    case "add-comment":
      return addComment(octokit, target, write.body, variables);
    case "update-comment": {
      const data = await octokit.graphql<{ updateIssueComment: { issueComment: { issue: WithIssue } } }>(
        UPDATE_COMMENT_MUTATION,
        { id: write.commentId, body: write.body, ...variables },
      );
      return data.updateIssueComment.issueComment.issue;
    }
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
