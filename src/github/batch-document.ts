import type { BatchStep } from "./batch-steps.js";
import { HISTORY_VARIABLES, TIMELINE_FRAGMENT, VERIFY_SELECTION } from "./queries.js";
import {
  TOUCHED_COMMENT_FIELDS,
  VERIFY_AFTER_SELECTION,
  VERIFY_AFTER_VARIABLES,
} from "./queries-checkpoint.js";

/**
 * One GraphQL document for a run of a plan's writes: aliased mutations `w0`, `w1`, …
 * in plan order (GitHub runs a document's top-level mutations one after another, and
 * one that fails returns null with an error naming its alias while the others still
 * run). `verifyAt` is the alias whose payload also selects the incident's history:
 * the verify read rides on the last write that can return it.
 */
export const BATCH_OPERATION = "IncidentWrites";

/**
 * A mutation that runs first in the document and whose failure the caller handles: the
 * status site's new branch (`createRef`), aliased `site`.
 */
export interface LeadMutation {
  field: string;
  inputType: string;
  input: Record<string, unknown>;
  select: string;
}

export function batchDocument(
  steps: readonly BatchStep[],
  wanted: number | null,
  lead: LeadMutation | null = null,
  /** The verify reads only the items after `$verifyAfter`, and the comments the writes touched (checkpoint-write.ts). */
  afterCursor = false,
): string {
  // Only a mutation whose payload reaches the issue can carry the verify read.
  const verifyAt = wanted !== null && steps[wanted]?.returns ? wanted : null;
  const after = afterCursor && verifyAt !== null;
  const whole = after ? VERIFY_AFTER_SELECTION : VERIFY_SELECTION;
  const touched = after ? ` ${TOUCHED_COMMENT_FIELDS}` : "";
  const verify = (index: number) => (index === verifyAt ? ` issue { ${whole} }` : "");
  const fields = steps.map((step, index) => {
    const selection = (() => {
      switch (step.returns) {
        case "comment-edge":
          return `commentEdge { node { id${verify(index)} } }`;
        case "issue-comment":
          return `issueComment { id${touched}${verify(index)} }`;
        case "issue":
          return index === verifyAt ? `issue { ${whole} }` : "issue { id }";
        case "assignable":
          return index === verifyAt
            ? `assignable { ... on Issue { ${whole} } }`
            : "assignable { ... on Issue { id } }";
        default:
          if (after && step.field === "addReaction")
            return `reaction { content } subject { ... on IssueComment { ${TOUCHED_COMMENT_FIELDS} } }`;
          return step.select ?? "clientMutationId";
      }
    })();
    return `w${index}: ${step.field}(input: $i${index}) { ${selection} }`;
  });
  if (lead) fields.unshift(`site: ${lead.field}(input: $site) { ${lead.select} }`);
  const inputs = steps.map((step, index) => `$i${index}: ${step.inputType}!`);
  if (lead) inputs.unshift(`$site: ${lead.inputType}!`);
  const variables = after ? VERIFY_AFTER_VARIABLES : HISTORY_VARIABLES;
  const declared = verifyAt === null ? inputs.join(", ") : `${inputs.join(", ")}, ${variables}`;
  const fragment = verifyAt === null ? "" : TIMELINE_FRAGMENT;
  return `mutation ${BATCH_OPERATION}(${declared}) {\n  ${fields.join("\n  ")}\n}\n${fragment}`;
}

export function batchVariables(
  steps: readonly BatchStep[],
  lead: LeadMutation | null = null,
): Record<string, unknown> {
  const inputs = Object.fromEntries(steps.map((step, index) => [`i${index}`, step.input]));
  return lead ? { site: lead.input, ...inputs } : inputs;
}
