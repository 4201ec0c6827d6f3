import { ISSUE_FIELDS } from "./queries.js";

/**
 * The report's one paged read: every issue carrying the incident label, open or
 * closed, 50 a page, each with the same fields and first 100 history items the app
 * reads per event. Longer histories continue with `IncidentHistoryPage`.
 */
export const REPORT_INCIDENTS_QUERY = /* GraphQL */ `
  query ReportIncidents($owner: String!, $repo: String!, $label: String!, $cursor: String) {
    repository(owner: $owner, name: $repo) {
      id nameWithOwner url isPrivate
      defaultBranchRef { name }
      issues(labels: [$label], first: 50, after: $cursor, states: [OPEN, CLOSED], orderBy: { field: CREATED_AT, direction: ASC }) {
        pageInfo { hasNextPage endCursor }
        nodes { ${ISSUE_FIELDS} }
      }
    }
  }
`;

/** Every action item of a repo, open or closed, 100 a page: enough to count and date them. */
export const REPORT_ACTION_ITEMS_QUERY = /* GraphQL */ `
  query ReportActionItems($owner: String!, $repo: String!, $label: String!, $cursor: String) {
    repository(owner: $owner, name: $repo) {
      issues(labels: [$label], first: 100, after: $cursor, states: [OPEN, CLOSED]) {
        pageInfo { hasNextPage endCursor }
        nodes { number url state body createdAt closedAt }
      }
    }
  }
`;
