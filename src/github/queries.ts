/**
 * Every GraphQL document the app sends, each with an operation name so logs and
 * the simulator's request log can name it.
 *
 * One read per event: `IncidentHistory` returns the issue, its labels and its whole
 * history (comments, events and the pull requests that mention it, in one
 * chronological connection), the repo's labels, the blob id of the config file, and
 * the code around the incident (`CODE_FIELDS`). Writes are mutations whose payload selects the
 * same history again, so the last write of a handler doubles as its verify read.
 */

/** A pull request as the timeline, the review and the suspects need it. */
export const PULL_FIELDS = /* GraphQL */ `
  number title url state isDraft createdAt mergedAt closedAt headRefName baseRefName body
  author { __typename login }
  mergedBy { __typename login }
`;

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
    ... on CrossReferencedEvent { id createdAt actor { __typename login } source { __typename ... on PullRequest { ${PULL_FIELDS} } } }
  }
`;

export const TIMELINE_ITEM_TYPES =
  "[ISSUE_COMMENT, LABELED_EVENT, UNLABELED_EVENT, CLOSED_EVENT, REOPENED_EVENT, ASSIGNED_EVENT, UNASSIGNED_EVENT, RENAMED_TITLE_EVENT, CROSS_REFERENCED_EVENT]";

/** The app's `incident-freeze` check runs on a pull request's head commit. */
export const FREEZE_CHECK_FIELDS = /* GraphQL */ `
  commits(last: 1) { nodes { commit {
    checkSuites(first: 10) { nodes { app { slug } checkRuns(first: 5, filterBy: { checkName: "incident-freeze" }) { nodes { databaseId conclusion title } } } }
  } } }
`;

/**
 * The code around an incident. Always: the default branch head, recent deployments
 * to the watched environment, open pull requests with their freeze checks, and the
 * incidents freezing merges. With the id known (`withCode`): the hotfix and review
 * branches, their pull requests and the review file. On declaration (`withSuspects`):
 * recently merged pull requests with their files, and CODEOWNERS.
 */
export const CODE_FIELDS = /* GraphQL */ `
  deployments(environments: [$environment], last: 20) {
    nodes {
      databaseId commitOid createdAt environment description
      ref { name }
      creator { __typename login }
      statuses(last: 10) { nodes { state createdAt description creator { __typename login } } }
    }
  }
  openPulls: pullRequests(states: [OPEN], first: 50, orderBy: { field: CREATED_AT, direction: DESC }) {
    nodes { number title url headRefName baseRefName headRefOid author { __typename login } ${FREEZE_CHECK_FIELDS} }
  }
  freezing: issues(labels: [$freezeLabel], states: [OPEN], first: 20) { nodes { number title url } }
  hotfixRef: ref(qualifiedName: $hotfixRef) @include(if: $withCode) { name target { oid } }
  pirRef: ref(qualifiedName: $pirRef) @include(if: $withCode) { name target { oid } }
  hotfixPulls: pullRequests(headRefName: $hotfixBranch, first: 20) @include(if: $withCode) { nodes { ${PULL_FIELDS} } }
  pirPulls: pullRequests(headRefName: $pirBranch, first: 5, orderBy: { field: CREATED_AT, direction: DESC }) @include(if: $withCode) { nodes { ${PULL_FIELDS} } }
  pirFile: object(expression: $pirFile) @include(if: $withCode) { __typename ... on Blob { oid text } }
  mergedPulls: pullRequests(states: [MERGED], first: 50, orderBy: { field: UPDATED_AT, direction: DESC }) @include(if: $withSuspects) {
    nodes { ${PULL_FIELDS} files(first: 100) { nodes { path } } }
  }
  codeownersGithub: object(expression: "HEAD:.github/CODEOWNERS") @include(if: $withSuspects) { __typename ... on Blob { text } }
  codeownersRoot: object(expression: "HEAD:CODEOWNERS") @include(if: $withSuspects) { __typename ... on Blob { text } }
  codeownersDocs: object(expression: "HEAD:docs/CODEOWNERS") @include(if: $withSuspects) { __typename ... on Blob { text } }
`;

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
  defaultBranchRef { name target { oid } }
  labels(first: 100) { nodes { id name color description } }
  configFile: object(expression: $configExpression) { __typename ... on Blob { oid } }
  recentIncidents: issues(first: 100, labels: [$incidentLabel], filterBy: { since: $since }, orderBy: { field: CREATED_AT, direction: DESC }) @include(if: $withRecent) {
    nodes { number title createdAt }
  }
  ${CODE_FIELDS}
`;

export const HISTORY_VARIABLES = [
  "$incidentLabel: String!, $since: DateTime!, $withRecent: Boolean!, $configExpression: String!",
  "$freezeLabel: String!, $environment: String!, $withCode: Boolean!, $withSuspects: Boolean!",
  "$hotfixRef: String!, $hotfixBranch: String!, $pirRef: String!, $pirBranch: String!, $pirFile: String!",
].join(", ");

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

/** Resolves `/hotfix from <ref>` (a branch, tag or sha) to a commit, right before branching. */
export const RESOLVE_REF_QUERY = /* GraphQL */ `
  query ResolveRef($owner: String!, $repo: String!, $expression: String!) {
    repository(owner: $owner, name: $repo) { object(expression: $expression) { __typename oid } }
  }
`;

/** The pull request `/revert` names, read right before reverting it. */
export const REVERT_TARGET_QUERY = /* GraphQL */ `
  query RevertTarget($owner: String!, $repo: String!, $number: Int!) {
    repository(owner: $owner, name: $repo) {
      issueOrPullRequest(number: $number) { __typename ... on PullRequest { id number title state merged url } }
    }
  }
`;

export const REVERT_PULL_REQUEST_MUTATION = /* GraphQL */ `
  mutation RevertPullRequest($pullRequestId: ID!, $title: String, $body: String) {
    revertPullRequest(input: { pullRequestId: $pullRequestId, title: $title, body: $body, draft: false }) {
      revertPullRequest { number url }
    }
  }
`;

/**
 * What a pull request event needs: the incidents it may belong to, the incidents
 * freezing merges, and the pull request's freeze check and the app's comments on it.
 */
export const PULL_REQUEST_CONTEXT_QUERY = /* GraphQL */ `
  query PullRequestContext($owner: String!, $repo: String!, $number: Int!, $incidentLabel: String!, $freezeLabel: String!, $configExpression: String!) {
    repository(owner: $owner, name: $repo) {
      defaultBranchRef { name }
      configFile: object(expression: $configExpression) { __typename ... on Blob { oid } }
      freezing: issues(labels: [$freezeLabel], states: [OPEN], first: 20) { nodes { number title url } }
      incidents: issues(labels: [$incidentLabel], first: 50, orderBy: { field: UPDATED_AT, direction: DESC }) { nodes { number title url state } }
      pullRequest(number: $number) {
        number title url state headRefName baseRefName headRefOid author { __typename login }
        ${FREEZE_CHECK_FIELDS}
        comments(last: 50) { nodes { author { __typename login } body } }
      }
    }
  }
`;

/** Open incidents, for events that concern every one of them (a deployment). */
export const OPEN_INCIDENTS_QUERY = /* GraphQL */ `
  query OpenIncidents($owner: String!, $repo: String!, $incidentLabel: String!) {
    repository(owner: $owner, name: $repo) {
      incidents: issues(labels: [$incidentLabel], states: [OPEN], first: 20) { nodes { number title } }
    }
  }
`;
