import type { Write } from "../kernel/plan.js";

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
