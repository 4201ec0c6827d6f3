import type { IssueHistory } from "../kernel/history.js";
import { type CodeWrite, CREATED_PULL, type FailureSpec, type Write } from "../kernel/plan.js";
import { isCodeWrite } from "./apply-answered.js";
import { explain } from "./apply-code-write.js";
import { type BatchStep, incidentComment, mutationStep } from "./batch-step.js";
import type { Octokit, Target } from "./client.js";
import { classifyFailure } from "./request-failure.js";

/**
 * What a document's answer asks of the next one (§2.6: a second document only where a
 * write needs an earlier write's answer): the reply of each code write that took effect
 * (a pull request's with its number), what failed and why for one that did not, and the
 * review requests on a pull request just created. Reviewers the read has no node id for
 * (teams, people who never took part) are asked by REST.
 */
export interface AliasFailure {
  type?: string;
  message?: string;
}

export interface FollowUps {
  steps: BatchStep[];
  /** Review requests GraphQL cannot name: by REST, with the pull request's number. */
  restReviews: Array<{ number: number; reviewers: string[]; teamReviewers: string[] }>;
  /** Failure keys of code writes that did not take effect: later writes with them are skipped. */
  failedKeys: string[];
}

type Answer = Record<string, unknown> | null;

export function followUps(
  steps: readonly BatchStep[],
  answers: ReadonlyMap<number, Answer>,
  failures: ReadonlyMap<number, AliasFailure>,
  target: Target,
  history: IssueHistory,
  /** Another run follows: a failure worth retrying fails this one instead of being reported. */
  retried: boolean,
): FollowUps {
  const out: FollowUps = { steps: [], restReviews: [], failedKeys: [] };
  const replies: BatchStep[] = [];
  const seen = new Set<Write>();
  steps.forEach((step, index) => {
    const write = step.write;
    if (!isCodeWrite(write) || seen.has(write)) return;
    seen.add(write);
    const failure = failedAlias(steps, failures, write);
    const spec = "failure" in write ? write.failure : undefined;
    if (failure) {
      if (!spec || (retried && classifyFailure({ name: "GraphqlResponseError", errors: [failure] }).retry))
        throw new CodeBatchFailure(failure);
      if (out.failedKeys.includes(spec.key)) return;
      out.failedKeys.push(spec.key);
      replies.push(comment(write, failureBody(spec, failure), target));
      return;
    }
    const pull = write.kind === "create-pull" ? pullOf(answers.get(index) ?? null) : null;
    if (write.kind === "create-pull" && pull) {
      const ids = write.reviewers.map((login) => history.accountIds?.[login.toLowerCase()]);
      if (write.teamReviewers.length > 0 || ids.some((id) => id === undefined))
        out.restReviews.push({
          number: pull.number,
          reviewers: write.reviewers,
          teamReviewers: write.teamReviewers,
        });
      else if (ids.length > 0)
        out.steps.push(
          mutationStep(
            write,
            "requestReviews",
            { pullRequestId: pull.id, userIds: ids, union: true },
            "POST /pulls/:number/requested_reviewers",
          ),
        );
    }
    const reply = "reply" in write ? write.reply : null;
    if (reply)
      replies.push(
        comment(
          write,
          reply.body.replaceAll(CREATED_PULL, pull ? `#${pull.number}` : "the pull request"),
          target,
        ),
      );
  });
  out.steps.push(...replies);
  return out;
}

/** The first failed alias of a write (a branch that already exists is the state wanted). */
function failedAlias(
  steps: readonly BatchStep[],
  failures: ReadonlyMap<number, AliasFailure>,
  write: CodeWrite,
): AliasFailure | null {
  for (const [index, failure] of failures) {
    if (steps[index]?.write !== write) continue;
    if (steps[index]?.field === "createRef" && /already exists/i.test(failure.message ?? "")) continue;
    return failure;
  }
  return null;
}

function pullOf(answer: Answer): { id: string; number: number } | null {
  const pull = answer?.pullRequest as { id?: string; number?: number } | undefined;
  return pull?.id && typeof pull.number === "number" ? { id: pull.id, number: pull.number } : null;
}

function comment(write: CodeWrite, body: string, target: Target): BatchStep {
  return incidentComment(
    { kind: "add-comment", purpose: "reply", body },
    target,
    `AddComment (${write.kind})`,
  );
}

function failureBody(failure: FailureSpec, error: AliasFailure): string {
  return `${failure.marker}\n⚠️ ${failure.what}: ${explain({ errors: [error] })}.\n`;
}

/** A code write's mutation failed in a way worth a fresh read and another run. */
export class CodeBatchFailure extends Error {
  override readonly name = "GraphqlResponseError";
  readonly errors: AliasFailure[];
  constructor(failure: AliasFailure) {
    super(failure.message ?? failure.type ?? "a code write failed");
    this.errors = [failure];
  }
}

/** Reviewers GraphQL cannot name (teams, people the read has no id for): by REST, a note if refused. */
export async function requestByRest(
  octokit: Octokit,
  target: Target,
  reviews: { number: number; reviewers: string[]; teamReviewers: string[] },
  replies: BatchStep[],
): Promise<void> {
  try {
    await octokit.rest.pulls.requestReviewers({
      owner: target.owner,
      repo: target.repo,
      pull_number: reviews.number,
      reviewers: reviews.reviewers,
      team_reviewers: reviews.teamReviewers,
    });
  } catch (error) {
    const note = `\n\n⚠️ Note: reviews could not be requested: ${explain(error)}.`;
    const reply = replies.find(
      (step) => step.field === "addComment" && String(step.input.body).includes(`#${reviews.number}`),
    );
    if (reply) reply.input = { ...reply.input, body: `${String(reply.input.body)}${note}` };
  }
}
