import { describeWrite, type Write } from "../kernel/plan.js";
import { isCodeWrite, type WithIssue } from "./apply-answered.js";
import { batchDocument, batchVariables, type LeadMutation } from "./batch-document.js";
import type { AliasFailure } from "./batch-follow-ups.js";
import type { BatchStep } from "./batch-steps.js";
import type { Octokit } from "./client.js";
import type { HistoryVariables } from "./read-history.js";
import { classifyFailure } from "./request-failure.js";

/**
 * One document of a plan's writes sent (`apply-batched.ts`), and what GitHub answered:
 * each alias's payload, the incident as the verifying alias returned it, and the aliases
 * that failed, sorted into code writes (answered on the incident), the lead (its caller's
 * to handle), refusals (thrown after the rest of the plan) and failures worth retrying
 * (the whole run fails).
 */
export interface BatchAnswer {
  applied: string[];
  /** Each alias's payload, by step. */
  answers: Map<number, Payload>;
  /** Failed aliases of code writes: answered on the incident (`batch-follow-ups.ts`). */
  codeFailures: Map<number, AliasFailure>;
  /** The incident as the verifying alias returned it. */
  issue: WithIssue | null;
  /** A mutation GitHub refused for good (the others ran). */
  refused: unknown;
  /** Why the lead mutation failed (GitHub's message); the others still ran. */
  leadFailure?: string;
}

type Payload = Record<string, unknown> | null;

export async function sendBatch(
  octokit: Octokit,
  steps: BatchStep[],
  /** Null: a later write verifies. */
  variables: HistoryVariables | null,
  lead: LeadMutation | null = null,
  /** The verify reads only the items after this cursor. */
  after: string | null = null,
): Promise<BatchAnswer> {
  const verifyAt = variables ? lastIndex(steps, (step) => step.returns !== null) : null;
  const document = batchDocument(steps, verifyAt, lead, after !== null);
  let leadFailure: string | undefined;
  let data: Record<string, Payload>;
  let failures: Map<number, { type?: string; message?: string }>;
  const codeFailures = new Map<number, AliasFailure>();
  try {
    data = await octokit.graphql<Record<string, Payload>>(document, {
      ...batchVariables(steps, lead),
      ...(verifyAt === null ? {} : { ...variables, ...(after === null ? {} : { verifyAfter: after }) }),
    });
    failures = new Map();
  } catch (error) {
    const partial = error as { name?: string; data?: Record<string, Payload>; errors?: GraphqlError[] };
    if (partial.name !== "GraphqlResponseError" || !partial.data) throw error;
    data = partial.data;
    failures = failedAliases(partial.errors ?? []);
    // The lead's failure is its caller's to handle (the status site publishes the ordinary way).
    const leadError = failures.get(LEAD);
    if (leadError) leadFailure = leadError.message ?? leadError.type ?? "unknown error";
    failures.delete(LEAD);
    for (const [index, failure] of failures)
      if (steps[index] && isCodeWrite(steps[index].write)) {
        codeFailures.set(index, failure);
        failures.delete(index);
      }
    // A duplicate comment another handler removed first is gone either way.
    for (const [index, failure] of failures)
      if (steps[index]?.write.kind === "delete-comment" && failure.type === "NOT_FOUND")
        failures.delete(index);
    // An error of the document itself (no alias), or one worth retrying: the run fails
    // and the pipeline reads again; what took effect is then seen and not repeated.
    if (failures.has(-1)) throw error;
    if (failures.size > 0 && classifyFailure({ name: partial.name, errors: [...failures.values()] }).retry)
      throw error;
  }
  const applied: string[] = [];
  let lastWrite: Write | null = null;
  steps.forEach((step, index) => {
    if (failures.has(index) || codeFailures.has(index) || step.write === lastWrite) return;
    lastWrite = step.write;
    applied.push(describeWrite(step.write));
  });
  const issue =
    verifyAt === null || failures.has(verifyAt)
      ? null
      : issueOf(steps[verifyAt], data[`w${verifyAt}`] ?? null);
  const refused = failures.size > 0 ? new BatchRefusal(steps, failures) : null;
  const answers = new Map(steps.map((_, index) => [index, data[`w${index}`] ?? null] as const));
  return { applied, answers, codeFailures, issue, refused, ...(leadFailure ? { leadFailure } : {}) };
}

const LEAD = -2;

interface GraphqlError {
  type?: string;
  message?: string;
  path?: Array<string | number>;
}

function failedAliases(errors: GraphqlError[]): Map<number, GraphqlError> {
  const failed = new Map<number, GraphqlError>();
  for (const error of errors) {
    const alias = String(error.path?.[0] ?? "");
    const match = /^w(\d+)$/.exec(alias);
    failed.set(alias === "site" ? LEAD : match ? Number(match[1]) : -1, error);
  }
  return failed;
}

function issueOf(step: BatchStep | undefined, payload: Payload): WithIssue | null {
  if (!step || !payload) return null;
  const found =
    step.returns === "comment-edge"
      ? (payload.commentEdge as { node?: { issue?: WithIssue } } | undefined)?.node?.issue
      : step.returns === "issue-comment"
        ? (payload.issueComment as { issue?: WithIssue } | undefined)?.issue
        : step.returns === "assignable"
          ? (payload.assignable as WithIssue | undefined)
          : (payload.issue as WithIssue | undefined);
  return found?.repository ? found : null;
}

function lastIndex<T>(items: readonly T[], keep: (item: T) => boolean): number | null {
  for (let index = items.length - 1; index >= 0; index--) if (keep(items[index] as T)) return index;
  return null;
}

/** Mutations of a batch GitHub refused for good, with its reasons (the rest of the batch took effect). */
export class BatchRefusal extends Error {
  override readonly name = "GraphqlResponseError";
  readonly errors: GraphqlError[];
  constructor(steps: readonly BatchStep[], failures: ReadonlyMap<number, GraphqlError>) {
    const what = [...failures].map(
      ([index, error]) => `${steps[index]?.legacy ?? "?"}: ${error.message ?? error.type}`,
    );
    super(`GitHub refused ${what.join("; ")}`);
    this.errors = [...failures.values()];
  }
}
