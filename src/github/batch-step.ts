import type { Write } from "../kernel/plan.js";
import type { Target } from "./client.js";

/**
 * A write as aliased mutations of one GraphQL document (§2.6): the mutation field,
 * its input type and input, and what its payload can select. `update-issue` may take
 * up to three (`updateIssue`, `addAssigneesToAssignable`, then `closeIssue` or `reopenIssue`). Null: this write cannot go
 * in a batch (the kind is not known here, or GitHub's GraphQL lacks what it needs:
 * a label the repository does not have yet, a person not yet assigned, whose node
 * id the read did not return), and the REST executor applies it.
 */
export interface BatchStep {
  write: Write;
  field: string;
  inputType: string;
  input: Record<string, unknown>;
  /** What the payload returns the incident through, so the verify read can ride on it. */
  returns: "comment-edge" | "issue-comment" | "issue" | "assignable" | null;
  /** The name the same mutation had as a document of its own (logs and test doubles). */
  legacy: string;
  /** What the payload selects when it does not return the incident (a created pull request's id). */
  select?: string;
}

/**
 * One aliased mutation for `write`. GitHub names each mutation's input type after it
 * (`addComment` takes `AddCommentInput`), so the field is enough to declare its variable.
 */
export function mutationStep(
  write: Write,
  field: string,
  input: Record<string, unknown>,
  legacy: string,
  answer: { returns?: BatchStep["returns"]; select?: string } = {},
): BatchStep {
  const inputType = `${field.charAt(0).toUpperCase()}${field.slice(1)}Input`;
  const select = answer.select ? { select: answer.select } : {};
  return { write, field, inputType, input, returns: answer.returns ?? null, legacy, ...select };
}

/** A comment on the incident, its payload returning the incident for the verify read. */
export function incidentComment(
  write: Extract<Write, { kind: "add-comment" }>,
  target: Target,
  legacy: string,
): BatchStep {
  return mutationStep(write, "addComment", { subjectId: target.issueId, body: write.body }, legacy, {
    returns: "comment-edge",
  });
}
