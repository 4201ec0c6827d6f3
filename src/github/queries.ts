/**
 * Every GraphQL document the app sends, each with an operation name so logs and
 * the simulator's request log can name it.
 *
 * One read per event: `IncidentHistory` returns the issue, its labels and its whole
 * history (comments, events and the pull requests that mention it, in one
 * chronological connection), the repo's labels, the blob id of the config file, the
 * tree id of the template override folder, and the code around the incident
 * (`CODE_FIELDS`). Writes are mutations whose payload selects the
 * same history again, so the last write of a handler doubles as its verify read.
 * The code-response documents live in code-queries.ts and are re-exported here.
 * Action items' documents are in `queries-action-items.ts`, the sweep's in `queries-sweep.ts`.
 */
import { CODE_FIELDS, PULL_FIELDS } from "./code-queries.js";
import { earlyPagesSelection } from "./early-pages.js";

export * from "./code-queries.js";

/**
 * What closed an issue (an action item): the pull request or commit whose closing keyword
 * (`Fixes #12`) did it, in any repository; null when a person closed it by hand, or where
 * the app cannot see the closer. The `issues.closed` webhook does not say; this does.
 */
const CLOSER_FIELDS = /* GraphQL */ `
  closer {
    __typename
    ... on PullRequest { number url repository { nameWithOwner } }
    ... on Commit { abbreviatedOid url repository { nameWithOwner } }
  }
`;

/** A comment as the history reads it (`updatedAt`: how a checkpoint sees an edit, checkpoint-read.ts). */
export const COMMENT_NODE_FIELDS = /* GraphQL */ `__typename id databaseId url body createdAt updatedAt lastEditedAt
  author { __typename login ... on User { id } } authorAssociation reactionGroups { content viewerHasReacted }`;

/** Fields of one history page: comments and the events the projection understands. */
export const TIMELINE_PAGE_FIELDS = /* GraphQL */ `
  pageInfo { hasNextPage endCursor }
  nodes {
    __typename
    ... on IssueComment { ${COMMENT_NODE_FIELDS} }
    ... on LabeledEvent { id createdAt actor { __typename login } label { name } }
    ... on UnlabeledEvent { id createdAt actor { __typename login } label { name } }
    ... on ClosedEvent { id createdAt actor { __typename login } stateReason }
    ... on ReopenedEvent { id createdAt actor { __typename login } }
    ... on AssignedEvent { id createdAt actor { __typename login } assignee { __typename ... on User { login } ... on Bot { login } } }
    ... on UnassignedEvent { id createdAt actor { __typename login } assignee { __typename ... on User { login } ... on Bot { login } } }
    ... on RenamedTitleEvent { id createdAt actor { __typename login } previousTitle currentTitle }
    ... on TransferredEvent { id createdAt actor { __typename login } fromRepository { nameWithOwner isPrivate } }
    ... on CrossReferencedEvent {
      id createdAt actor { __typename login }
      source {
        __typename
        ... on Issue {
          number title url issueState: state body closedAt author { __typename login }
          lastClosed: timelineItems(last: 1, itemTypes: [CLOSED_EVENT]) { nodes { ... on ClosedEvent { ${CLOSER_FIELDS} } } }
        }
        ... on PullRequest { ${PULL_FIELDS} }
      }
    }
  }
`;

export const TIMELINE_ITEM_TYPES =
  "[ISSUE_COMMENT, LABELED_EVENT, UNLABELED_EVENT, CLOSED_EVENT, REOPENED_EVENT, ASSIGNED_EVENT, UNASSIGNED_EVENT, RENAMED_TITLE_EVENT, CROSS_REFERENCED_EVENT, TRANSFERRED_EVENT]";

/** The issue as the projection needs it; ISSUE_SCALAR_FIELDS: without its timeline. */
export const ISSUE_SCALAR_FIELDS = /* GraphQL */ `id number title body url state stateReason createdAt closedAt
  author { __typename login ... on User { id } } authorAssociation
  assignees(first: 20) { nodes { id login } } labels(first: 50) { nodes { id name } }`;
export const ISSUE_FIELDS = /* GraphQL */ `
  ${ISSUE_SCALAR_FIELDS}
  timelineItems(first: 100, itemTypes: ${TIMELINE_ITEM_TYPES}) {
    totalCount
    ${TIMELINE_PAGE_FIELDS}
  }
`;

/**
 * The issue's first comments without their text: where the app's declaration (which
 * carries the checkpoint) and timeline comments are, who edited them last, and how
 * many times each was edited, which says whether the timeline is still the one the
 * checkpoint describes (checkpoint-read.ts). Selected by every read that writes after it.
 */
export const FIRST_COMMENTS_FIELDS = /* GraphQL */ `
  firstComments: comments(first: 5) { nodes { id updatedAt lastEditedAt
    author { __typename login } editor { __typename login } userContentEdits(first: 1) { totalCount } } }
`;

/** The issue with the next pages of its timeline at once (early-pages.ts): one read for a long incident. */
const WHOLE_ISSUE_FIELDS = /* GraphQL */ `
  ${ISSUE_FIELDS}
  ${FIRST_COMMENTS_FIELDS}
  ${earlyPagesSelection(TIMELINE_ITEM_TYPES, "...TimelineFields")}
`;

/** The fields of one history page as a fragment, so the early pages do not repeat them. */
export const TIMELINE_FRAGMENT = /* GraphQL */ `
  fragment TimelineFields on IssueTimelineItemsConnection { ${TIMELINE_PAGE_FIELDS} }
`;

/**
 * Repository facts read alongside the issue. `recentIncidents` (only when declaring)
 * lists the incidents touched since the start of the declaration's UTC day, so the
 * next id of the day can be chosen and verified.
 */
export const REPOSITORY_FIELDS = /* GraphQL */ `
  id nameWithOwner url isPrivate
  defaultBranchRef { name target { oid } }
  labels(first: 100) { nodes { id name color description } }
  configFile: object(expression: $configExpression) { __typename ... on Blob { oid } }
  templatesFolder: object(expression: $templatesExpression) { __typename ... on Tree { oid } }
  recentIncidents: issues(first: 100, labels: [$incidentLabel], filterBy: { since: $since }, orderBy: { field: CREATED_AT, direction: DESC }) @include(if: $withRecent) {
    nodes { number title createdAt }
  }
  pastIncidents: issues(first: 50, labels: [$incidentLabel], filterBy: { since: $recurrenceSince }, orderBy: { field: CREATED_AT, direction: DESC }) @include(if: $withRecent) {
    nodes { number title url createdAt body }
  }
  openActionItems: issues(first: 100, labels: [$actionItemLabel], states: [OPEN]) @include(if: $withRecent) {
    nodes { number title url body author { __typename login } }
  }
  ${CODE_FIELDS}
`;

export const HISTORY_VARIABLES = [
  "$incidentLabel: String!, $since: DateTime!, $withRecent: Boolean!, $configExpression: String!",
  "$recurrenceSince: DateTime!, $actionItemLabel: String!",
  "$templatesExpression: String!",
  "$freezeLabel: String!, $environment: String!, $withCode: Boolean!, $withSuspects: Boolean!",
  "$hotfixRef: String!, $hotfixBranch: String!, $pirRef: String!, $pirBranch: String!, $pirFile: String!",
  "$pirPath: String!",
].join(", ");

/** Recurrence candidates in another repository (declaring only): its recent incidents and open action items. */
export const RECURRENCE_ELSEWHERE_QUERY = /* GraphQL */ `
  query RecurrenceElsewhere($owner: String!, $repo: String!, $incidentLabel: String!, $actionItemLabel: String!, $recurrenceSince: DateTime!) {
    repository(owner: $owner, name: $repo) {
      nameWithOwner
      pastIncidents: issues(first: 50, labels: [$incidentLabel], filterBy: { since: $recurrenceSince }, orderBy: { field: CREATED_AT, direction: DESC }) {
        nodes { number title url createdAt body }
      }
      openActionItems: issues(first: 100, labels: [$actionItemLabel], states: [OPEN]) {
        nodes { number title url body author { __typename login } }
      }
    }
  }
`;

/** `IncidentHistory`, with what an event needs beside the history (`history-extras.ts`). */
export function incidentHistoryQuery(
  extra = { declarations: "", repositoryFields: "", rootFields: "" },
): string {
  return /* GraphQL */ `
  query IncidentHistory($owner: String!, $repo: String!, $number: Int!, ${HISTORY_VARIABLES}${extra.declarations}) {
    repository(owner: $owner, name: $repo) {
      ${REPOSITORY_FIELDS}
      issue(number: $number) { ${WHOLE_ISSUE_FIELDS} }${extra.repositoryFields}
    }${extra.rootFields}
  }
  ${TIMELINE_FRAGMENT}
`;
}

export const INCIDENT_HISTORY_QUERY = incidentHistoryQuery();

/**
 * The repo's template overrides, read only when the folder's tree id (from the
 * history read) is not the one cached: every file's text in one request.
 */
export const TEMPLATE_OVERRIDES_QUERY = /* GraphQL */ `
  query TemplateOverrides($owner: String!, $repo: String!, $expression: String!) {
    repository(owner: $owner, name: $repo) {
      folder: object(expression: $expression) {
        __typename
        ... on Tree {
          oid
          entries { name type object { __typename ... on Blob { text isBinary isTruncated } } }
        }
      }
    }
  }
`;

/** Later pages of a long history (more than 100 comments and events). */
export const HISTORY_PAGE_QUERY = /* GraphQL */ `
  query IncidentHistoryPage($id: ID!, $after: String!) {
    node(id: $id) {
      ... on Issue {
        timelineItems(first: 100, after: $after, itemTypes: ${TIMELINE_ITEM_TYPES}) {
          ${TIMELINE_PAGE_FIELDS}
        }
      }
    }
  }
`;

/**
 * `count` later pages of a long history in one request: pages after `$after`, each
 * skipping 99 more items than the one before, so consecutive pages share one item
 * and the reader can check that they join up (see read-history-pages.ts).
 */
export const PAGE_STEP = 99;

export function historyPagesQuery(count: number): string {
  const pages = Array.from(
    { length: count },
    (_, k) =>
      `p${k}: timelineItems(first: 100, after: $after${k > 0 ? `, skip: ${PAGE_STEP * k}` : ""}, itemTypes: ${TIMELINE_ITEM_TYPES}) { ...TimelinePage }`,
  );
  return /* GraphQL */ `
  query IncidentHistoryPages($id: ID!, $after: String!) {
    node(id: $id) { ... on Issue { ${pages.join("\n      ")} } }
  }
  fragment TimelinePage on IssueTimelineItemsConnection { ${TIMELINE_PAGE_FIELDS} }
`;
}

/**
 * The history as seen right after a write: the verify read rides on the mutation.
 * Comment mutations select it only when `$verify` (the plan's last such write), so
 * a plan of several writes reads the history, with its later pages, once.
 */
export const VERIFY_SELECTION = /* GraphQL */ `
  repository { ${REPOSITORY_FIELDS} }
  ${WHOLE_ISSUE_FIELDS}
`;

export const ADD_COMMENT_MUTATION = /* GraphQL */ `
  mutation AddComment($subjectId: ID!, $body: String!, $verify: Boolean!, ${HISTORY_VARIABLES}) {
    addComment(input: { subjectId: $subjectId, body: $body }) {
      commentEdge { node { id databaseId issue @include(if: $verify) { ${VERIFY_SELECTION} } } }
    }
  }
  ${TIMELINE_FRAGMENT}
`;

export const UPDATE_COMMENT_MUTATION = /* GraphQL */ `
  mutation UpdateComment($id: ID!, $body: String!, $verify: Boolean!, ${HISTORY_VARIABLES}) {
    updateIssueComment(input: { id: $id, body: $body }) {
      issueComment { id issue @include(if: $verify) { ${VERIFY_SELECTION} } }
    }
  }
  ${TIMELINE_FRAGMENT}
`;

export const UPDATE_ISSUE_MUTATION = /* GraphQL */ `
  mutation UpdateIssue($input: UpdateIssueInput!, ${HISTORY_VARIABLES}) {
    updateIssue(input: $input) {
      issue { ${VERIFY_SELECTION} }
    }
  }
  ${TIMELINE_FRAGMENT}
`;

export const CLOSE_ISSUE_MUTATION = /* GraphQL */ `
  mutation CloseIssue($issueId: ID!, $stateReason: IssueClosedStateReason, ${HISTORY_VARIABLES}) {
    closeIssue(input: { issueId: $issueId, stateReason: $stateReason }) {
      issue { ${VERIFY_SELECTION} }
    }
  }
  ${TIMELINE_FRAGMENT}
`;

export const REOPEN_ISSUE_MUTATION = /* GraphQL */ `
  mutation ReopenIssue($issueId: ID!, ${HISTORY_VARIABLES}) {
    reopenIssue(input: { issueId: $issueId }) {
      issue { ${VERIFY_SELECTION} }
    }
  }
  ${TIMELINE_FRAGMENT}
`;

export const ADD_REACTION_MUTATION = /* GraphQL */ `
  mutation AddReaction($subjectId: ID!, $content: ReactionContent!) {
    addReaction(input: { subjectId: $subjectId, content: $content }) {
      reaction { content }
    }
  }
`;

export const DELETE_COMMENT_MUTATION = /* GraphQL */ `
  mutation DeleteComment($id: ID!) {
    deleteIssueComment(input: { id: $id }) { clientMutationId }
  }
`;
