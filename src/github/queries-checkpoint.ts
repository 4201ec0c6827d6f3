/**
 * The documents of the one read of a long incident (checkpoint-read.ts): the issue,
 * its first two comments (one is the app's declaration, which carries the checkpoint; the
 * other is usually its checklist, or a config warning posted before it), its first
 * comments without their text (where the timeline comment is, and how often it was
 * edited), the comments edited last, and the last items of its timeline with their
 * cursors. Not the timeline comment's text: on a long incident it is the largest part
 * of the answer, and the checkpoint holds what the app needs of it (its marker). And
 * the verify selection of a write that knows where the read ended: only the items
 * after that cursor.
 */
import {
  COMMENT_NODE_FIELDS,
  FIRST_COMMENTS_FIELDS,
  HISTORY_VARIABLES,
  ISSUE_SCALAR_FIELDS,
  REPOSITORY_FIELDS,
  TIMELINE_FRAGMENT,
  TIMELINE_ITEM_TYPES,
  TIMELINE_PAGE_FIELDS,
} from "./queries.js";
import { CARRIER_CANDIDATES } from "./read-basis.js";

/**
 * The last items read with the checkpoint: its cursor must be among them. A plan that
 * writes anyway rewrites the checkpoint once 10 items came after it (checkpoint-write.ts),
 * so 20 leaves room for 10 more events without a write (comments nobody answers) before
 * a read falls back to the full read. Each item is about 0.7 KiB of answer.
 */
export const TAIL_ITEMS = 20;
/** Comments most recently updated, compared with the checkpoint's copies: an edit makes it stale. */
export const RECENTLY_UPDATED = 20;

export const CHECKPOINT_HISTORY_QUERY = /* GraphQL */ `
  query IncidentHistory($owner: String!, $repo: String!, $number: Int!, ${HISTORY_VARIABLES}) {
    repository(owner: $owner, name: $repo) {
      ${REPOSITORY_FIELDS}
      issue(number: $number) {
        ${ISSUE_SCALAR_FIELDS}
        carrier: comments(first: ${CARRIER_CANDIDATES}) { nodes { ${COMMENT_NODE_FIELDS} editor { __typename login } } }
        ${FIRST_COMMENTS_FIELDS}
        recentlyUpdated: comments(first: ${RECENTLY_UPDATED}, orderBy: { field: UPDATED_AT, direction: DESC }) { nodes { id updatedAt } }
        tail: timelineItems(last: ${TAIL_ITEMS}, itemTypes: ${TIMELINE_ITEM_TYPES}) {
          totalCount
          edges { cursor node { ...TailItem } }
        }
      }
    }
  }
  fragment TailItem on IssueTimelineItems { ${itemSelection()} }
`;

/** The node part of TIMELINE_PAGE_FIELDS (`nodes { … }`), for a fragment on the item union. */
function itemSelection(): string {
  const start = TIMELINE_PAGE_FIELDS.indexOf("nodes {");
  const end = TIMELINE_PAGE_FIELDS.lastIndexOf("}");
  return TIMELINE_PAGE_FIELDS.slice(start + "nodes {".length, end);
}

/** The verify read on a write whose history ends at `$verifyAfter`: the issue and the items after it. */
export const VERIFY_AFTER_SELECTION = /* GraphQL */ `
  repository { ${REPOSITORY_FIELDS} }
  ${ISSUE_SCALAR_FIELDS}
  ${FIRST_COMMENTS_FIELDS}
  timelineItems(first: 100, after: $verifyAfter, itemTypes: ${TIMELINE_ITEM_TYPES}) { totalCount ...TimelineFields }
`;

export const VERIFY_AFTER_VARIABLES = `${HISTORY_VARIABLES}, $verifyAfter: String`;

/**
 * A touched comment, selected on the mutation that touched it, so the verify can
 * replace its old copy: all but its body, which the write sent (an update) or did not
 * change (a reaction), so a rewritten timeline does not come back in the answer.
 */
export const TOUCHED_COMMENT_FIELDS = COMMENT_NODE_FIELDS.replace(" body ", " ");

export { TIMELINE_FRAGMENT };
