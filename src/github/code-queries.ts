/**
 * GraphQL documents of code response: the code part of the history read, and the
 * reads and mutation of `/hotfix from <ref>`, `/revert`, pull request and deployment
 * events. Each document has an operation name.
 */

/** A pull request as the timeline, the review and the suspects need it. */
export const PULL_FIELDS = /* GraphQL */ `
  number title url state isDraft createdAt mergedAt closedAt headRefName baseRefName body
  author { __typename login }
  mergedBy { __typename login }
`;

/**
 * A review pull request also brings the review file as merged (at its merge commit, so a
 * deleted branch or later edits on the default branch change nothing) and its latest
 * comments, where the app lists what it made of the file's action-items table.
 */
export const REVIEW_PULL_FIELDS = /* GraphQL */ `
  ${PULL_FIELDS}
  mergeCommit { reviewFile: file(path: $pirPath) { object { __typename ... on Blob { text } } } }
  comments(last: 20) { nodes { author { __typename login } body } }
`;

/** The app's `incident-freeze` check runs on a pull request's head commit. */
export const FREEZE_CHECK_FIELDS = /* GraphQL */ `
  commits(last: 1) { nodes { commit {
    checkSuites(first: 10) { nodes { app { slug } checkRuns(first: 5, filterBy: { checkName: "incident-freeze" }) { nodes { id databaseId conclusion title } } } }
  } } }
`;

/**
 * The code around an incident. Always: the default branch head, recent deployments
 * to the watched environment, open pull requests with their freeze checks, and the
 * incidents freezing merges. With the id known (`withCode`): the hotfix and review
 * branches, their pull requests, the review file on its branch and as merged. On
 * declaration (`withSuspects`): recently merged pull requests with their files, and CODEOWNERS.
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
  freezing: issues(labels: [$freezeLabel], states: [OPEN], first: 20) { nodes { number title url body } }
  hotfixRef: ref(qualifiedName: $hotfixRef) @include(if: $withCode) { name target { oid } }
  pirRef: ref(qualifiedName: $pirRef) @include(if: $withCode) { name target { oid ... on Commit { message } } }
  hotfixPulls: pullRequests(headRefName: $hotfixBranch, first: 20) @include(if: $withCode) { nodes { ${PULL_FIELDS} } }
  pirPulls: pullRequests(headRefName: $pirBranch, first: 5, orderBy: { field: CREATED_AT, direction: DESC }) @include(if: $withCode) { nodes { ${REVIEW_PULL_FIELDS} } }
  pirFile: object(expression: $pirFile) @include(if: $withCode) { __typename ... on Blob { oid text } }
  mergedPulls: pullRequests(states: [MERGED], first: 50, orderBy: { field: UPDATED_AT, direction: DESC }) @include(if: $withSuspects) {
    nodes { ${PULL_FIELDS} files(first: 100) { nodes { path } } }
  }
  codeownersGithub: object(expression: "HEAD:.github/CODEOWNERS") @include(if: $withSuspects) { __typename ... on Blob { text } }
  codeownersRoot: object(expression: "HEAD:CODEOWNERS") @include(if: $withSuspects) { __typename ... on Blob { text } }
  codeownersDocs: object(expression: "HEAD:docs/CODEOWNERS") @include(if: $withSuspects) { __typename ... on Blob { text } }
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
      isArchived
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
 * In organisation mode (`withIncidents`) the same document reads the incidents
 * repository's freezing incidents with their bodies (their services say which
 * repositories they freeze): a second repository, not a search, so it is read-after-write
 * consistent and costs no request of its own.
 */
export const PULL_REQUEST_CONTEXT_QUERY = /* GraphQL */ `
  query PullRequestContext($owner: String!, $repo: String!, $number: Int!, $incidentLabel: String!, $freezeLabel: String!, $configExpression: String!, $withIncidents: Boolean!, $incidentsOwner: String!, $incidentsName: String!) {
    incidentsRepo: repository(owner: $incidentsOwner, name: $incidentsName) @include(if: $withIncidents) {
      nameWithOwner
      freezing: issues(labels: [$freezeLabel], states: [OPEN], first: 20) { nodes { number title url body } }
    }
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

/**
 * A repository's deployments to one environment, newest last, with their statuses and
 * payloads: `/rollback` picks the last good commit before impact from it and sees a
 * rollback already under way; `/hotfix owner/repo from deployed` picks what is deployed.
 */
export const DEPLOYED_COMMITS_QUERY = /* GraphQL */ `
  query DeployedCommits($owner: String!, $repo: String!, $environment: String!) {
    repository(owner: $owner, name: $repo) {
      isArchived
      deployments(environments: [$environment], last: 100) {
        nodes {
          databaseId commitOid createdAt payload
          creator { __typename login }
          statuses(last: 10) { nodes { state createdAt } }
        }
      }
    }
  }
`;

/** The status site's files as one signed commit on its branch, expecting the head the read saw. */
export const COMMIT_ON_BRANCH_MUTATION = /* GraphQL */ `
  mutation CommitStatusSite($input: CreateCommitOnBranchInput!) {
    createCommitOnBranch(input: $input) { commit { oid } }
  }
`;
