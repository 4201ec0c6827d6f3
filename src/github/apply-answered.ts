import { type CodeWrite, CREATED_PULL, type FailureSpec, type Write } from "../kernel/plan.js";
import { applyCodeWrite, explain } from "./apply-code-write.js";
import type { Octokit, Target } from "./client.js";
import { ADD_COMMENT_MUTATION } from "./queries.js";
import type { RawIssue, RawRepository } from "./raw-history.js";
import type { HistoryVariables } from "./read-history.js";
import { classifyFailure } from "./request-failure.js";

/** How the reply names a created pull request: `#7` here, `acme/api#7` in another repository. */
function createdRef(write: CodeWrite, number: number): string {
  const other = write.kind === "revert-pull" ? write.repository : undefined;
  return other ? `${other.owner}/${other.name}#${number}` : `#${number}`;
}

/** What a comment mutation returns: the issue's history right after the write. */
export type WithIssue = RawIssue & { repository: RawRepository };

const CODE_KINDS = new Set<string>([
  "create-branch",
  "create-branch-from-deployed",
  "create-deployment",
  "revert-pull",
  "put-file",
  "create-pull",
  "set-check",
  "comment-on-pull",
]);

export function isCodeWrite(write: Write): write is CodeWrite {
  return CODE_KINDS.has(write.kind);
}

/**
 * A code write and its answer on the incident: the reply when it succeeded (with the
 * pull request it opened), or what failed and why. Either comment returns the history.
 */
export async function applyAnswered(
  octokit: Octokit,
  target: Target,
  write: CodeWrite,
  /** Asked when the answer is posted: a failure here changes which write verifies. */
  variables: () => HistoryVariables,
  failed: Set<string>,
  retried: boolean,
): Promise<WithIssue | null> {
  const where = { owner: target.owner, repo: target.repo };
  let body: string | null;
  try {
    const { created, notes, fills = {} } = await applyCodeWrite(octokit, where, write);
    const reply = "reply" in write ? write.reply : null;
    const filled = reply
      ? Object.entries(fills).reduce((text, [token, value]) => text.replaceAll(token, value), reply.body)
      : null;
    body =
      filled === null
        ? null
        : `${filled.replaceAll(CREATED_PULL, created ? createdRef(write, created.number) : "the pull request")}${notes.map((note) => `\n\n⚠️ Note: ${note}.`).join("")}`;
  } catch (error) {
    // GitHub was busy: the next run tries again from a fresh read; only the last run reports.
    if (!("failure" in write) || !write.failure || (retried && classifyFailure(error).retry)) throw error;
    failed.add(write.failure.key);
    body = failureBody(write.failure, error);
  }
  if (body === null) return null;
  return addComment(octokit, target, body, variables());
}

function failureBody(failure: FailureSpec, error: unknown): string {
  return `${failure.marker}\n⚠️ ${failure.what}: ${explain(error)}.\n`;
}

export async function addComment(
  octokit: Octokit,
  target: Target,
  body: string,
  variables: HistoryVariables,
) {
  const data = await octokit.graphql<{ addComment: { commentEdge: { node: { issue?: WithIssue } } } }>(
    ADD_COMMENT_MUTATION,
    { subjectId: target.issueId, body, verify: true, ...variables },
  );
  return data.addComment.commentEdge.node.issue ?? null;
}
