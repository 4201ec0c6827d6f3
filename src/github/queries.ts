/**
 * Every GraphQL document the app sends, each with an operation name so logs and
 * the simulator's request log can name it.
 *
 * One read per event: `IncidentHistory` returns the issue, its labels and its whole
 * history (comments and events in one chronological connection), the repo's labels
 * and the blob id of the config file. Writes are mutations whose payload selects the
 * same history again, so the last write of a handler doubles as its verify read.
 *
 * Action items' documents are in `queries-action-items.ts`, the sweep's in `queries-sweep.ts`.
 */

/** Fields of one history page: comments and the events the projection understands. */
export const TIMELINE_PAGE_FIELDS = /* GraphQL */ `
  pageInfo { hasNextPage endCursor }
  nodes {
    __typename
    ... on IssueComment {
      id databaseId url body createdAt lastEditedAt
      author { __typename login }
      authorAssociation
      reactionGroups { content viewerHasReacted }
    }
    ... on LabeledEvent { id createdAt actor { __typename login } label { name } }
    ... on UnlabeledEvent { id createdAt actor { __typename login } label { name } }
    ... on ClosedEvent { id createdAt actor { __typename login } stateReason }
    ... on ReopenedEvent { id createdAt actor { __typename login } }
    ... on AssignedEvent { id createdAt actor { __typename login } assignee { __typename ... on User { login } ... on Bot { login } } }
    ... on UnassignedEvent { id createdAt actor { __typename login } assignee { __typename ... on User { login } ... on Bot { login } } }
    ... on RenamedTitleEvent { id createdAt actor { __typename login } previousTitle currentTitle }
    ... on CrossReferencedEvent {
      id createdAt actor { __typename login }
      source {
        __typename
        ... on Issue { number title url state body closedAt author { __typename login } }
        ... on PullRequest { number title url prState: state closedAt mergedAt headRefName author { __typename login } }
      }
    }
  }
`;

export const TIMELINE_ITEM_TYPES =
  "[ISSUE_COMMENT, LABELED_EVENT, UNLABELED_EVENT, CLOSED_EVENT, REOPENED_EVENT, ASSIGNED_EVENT, UNASSIGNED_EVENT, RENAMED_TITLE_EVENT, CROSS_REFERENCED_EVENT]";

/** The issue as the projection needs it. */
export const ISSUE_FIELDS = /* GraphQL */ `
  id number title body url state stateReason createdAt closedAt
  author { __typename login }
  authorAssociation
  assignees(first: 20) { nodes { id login } }
  labels(first: 50) { nodes { id name } }
  timelineItems(first: 100, itemTypes: ${TIMELINE_ITEM_TYPES}) {
    totalCount
    ${TIMELINE_PAGE_FIELDS}
  }
`;

/**
 * Repository facts read alongside the issue. `recentIncidents` (only when declaring)
 * lists the incidents touched since the start of the declaration's UTC day, so the
 * next id of the day can be chosen and verified.
 */
export const REPOSITORY_FIELDS = /* GraphQL */ `
  id nameWithOwner url
  defaultBranchRef { name }
  labels(first: 100) { nodes { id name color description } }
  configFile: object(expression: $configExpression) { __typename ... on Blob { oid } }
  recentIncidents: issues(first: 100, labels: [$incidentLabel], filterBy: { since: $since }, orderBy: { field: CREATED_AT, direction: DESC }) @include(if: $withRecent) {
    nodes { number title createdAt }
  }
`;

export const HISTORY_VARIABLES = `$incidentLabel: String!, $since: DateTime!, $withRecent: Boolean!, $configExpression: String!`;

export const INCIDENT_HISTORY_QUERY = /* GraphQL */ `
  query IncidentHistory($owner: String!, $repo: String!, $number: Int!, ${HISTORY_VARIABLES}) {
    repository(owner: $owner, name: $repo) {
      ${REPOSITORY_FIELDS}
      issue(number: $number) { ${ISSUE_FIELDS} }
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

/** The history as seen right after a write: the verify read rides on the mutation. */
const VERIFY_SELECTION = /* GraphQL */ `
  repository { ${REPOSITORY_FIELDS} }
  ${ISSUE_FIELDS}
`;

export const ADD_COMMENT_MUTATION = /* GraphQL */ `
  mutation AddComment($subjectId: ID!, $body: String!, ${HISTORY_VARIABLES}) {
    addComment(input: { subjectId: $subjectId, body: $body }) {
      commentEdge { node { id databaseId issue { ${VERIFY_SELECTION} } } }
    }
  }
`;

export const UPDATE_COMMENT_MUTATION = /* GraphQL */ `
  mutation UpdateComment($id: ID!, $body: String!, ${HISTORY_VARIABLES}) {
    updateIssueComment(input: { id: $id, body: $body }) {
      issueComment { id issue { ${VERIFY_SELECTION} } }
    }
  }
`;

export const UPDATE_ISSUE_MUTATION = /* GraphQL */ `
  mutation UpdateIssue($input: UpdateIssueInput!, ${HISTORY_VARIABLES}) {
    updateIssue(input: $input) {
      issue { ${VERIFY_SELECTION} }
    }
  }
`;

export const CLOSE_ISSUE_MUTATION = /* GraphQL */ `
  mutation CloseIssue($issueId: ID!, $stateReason: IssueClosedStateReason, ${HISTORY_VARIABLES}) {
    closeIssue(input: { issueId: $issueId, stateReason: $stateReason }) {
      issue { ${VERIFY_SELECTION} }
    }
  }
`;

export const REOPEN_ISSUE_MUTATION = /* GraphQL */ `
  mutation ReopenIssue($issueId: ID!, ${HISTORY_VARIABLES}) {
    reopenIssue(input: { issueId: $issueId }) {
      issue { ${VERIFY_SELECTION} }
    }
  }
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
