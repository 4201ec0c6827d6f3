import { ISSUE_FIELDS, TIMELINE_ITEM_TYPES, TIMELINE_PAGE_FIELDS } from "./queries.js";

/**
 * The sweep's read (§10): a repository's open incidents (whole histories, like the
 * event read), recently closed incidents (for PIR reminders), and open action items
 * with their last comments (where the app's reminders are), 100 of each per page.
 * Later pages ask only for the lists that have more.
 */
export const SWEEP_PAGE_SIZE = 100;
export const SWEEP_ITEM_COMMENTS = 20;

const INCIDENT_PAGE = /* GraphQL */ `
  pageInfo { hasNextPage endCursor }
  nodes { ${ISSUE_FIELDS} }
`;

export const SWEEP_QUERY = /* GraphQL */ `
  query SweepRepository(
    $owner: String!, $repo: String!,
    $incidentLabel: String!, $actionItemLabel: String!, $closedSince: DateTime!,
    $openAfter: String, $closedAfter: String, $itemsAfter: String,
    $withOpen: Boolean!, $withClosed: Boolean!, $withItems: Boolean!,
    $configExpression: String!
  ) {
    repository(owner: $owner, name: $repo) {
      id nameWithOwner url
      configFile: object(expression: $configExpression) { __typename ... on Blob { oid } }
      openIncidents: issues(first: ${SWEEP_PAGE_SIZE}, after: $openAfter, labels: [$incidentLabel], states: [OPEN]) @include(if: $withOpen) {
        ${INCIDENT_PAGE}
      }
      closedIncidents: issues(first: ${SWEEP_PAGE_SIZE}, after: $closedAfter, labels: [$incidentLabel], states: [CLOSED], filterBy: { since: $closedSince }) @include(if: $withClosed) {
        ${INCIDENT_PAGE}
      }
      actionItems: issues(first: ${SWEEP_PAGE_SIZE}, after: $itemsAfter, labels: [$actionItemLabel], states: [OPEN]) @include(if: $withItems) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id number title url body
          author { __typename login }
          comments(last: ${SWEEP_ITEM_COMMENTS}) { nodes { body author { __typename login } } }
        }
      }
    }
  }
`;

/** A comment on an issue the sweep does not read back (reminders on action items). */
export const ADD_REMINDER_MUTATION = /* GraphQL */ `
  mutation AddReminder($subjectId: ID!, $body: String!) {
    addComment(input: { subjectId: $subjectId, body: $body }) { commentEdge { node { id } } }
  }
`;

/** Whose markers to trust when the caller did not say: the token's own login. */
export const SWEEP_VIEWER_QUERY = /* GraphQL */ `
  query SweepViewer { viewer { login } }
`;

/**
 * The next history page of `count` long incidents in one request (`$id<k>` after
 * `$after<k>`): a sweep of 100 incidents whose histories overflow their first page
 * costs a request per 25 of them, not one each.
 */
export function sweepHistoryPagesQuery(count: number): string {
  const ids = Array.from({ length: count }, (_, k) => `$id${k}: ID!, $after${k}: String!`).join(", ");
  const pages = Array.from(
    { length: count },
    (_, k) =>
      `i${k}: node(id: $id${k}) { ... on Issue { timelineItems(first: 100, after: $after${k}, itemTypes: ${TIMELINE_ITEM_TYPES}) { ...TimelinePage } } }`,
  );
  return /* GraphQL */ `
  query SweepHistoryPages(${ids}) {
    ${pages.join("\n    ")}
  }
  fragment TimelinePage on IssueTimelineItemsConnection { ${TIMELINE_PAGE_FIELDS} }
`;
}
