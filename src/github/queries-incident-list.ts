import { ISSUE_FIELDS } from "./queries.js";

/**
 * `/incidents`: every open incident of the installation's account in one search, 100 a
 * page, each with its whole first history page (as the event read has it) and its
 * repository, so each can be projected like the app projects any incident.
 */
export const INCIDENT_LIST_PAGE_SIZE = 100;

export const OPEN_INCIDENT_LIST_QUERY = /* GraphQL */ `
  query OpenIncidentList($search: String!, $after: String) {
    search(type: ISSUE, query: $search, first: ${INCIDENT_LIST_PAGE_SIZE}, after: $after) {
      issueCount
      pageInfo { hasNextPage endCursor }
      nodes {
        __typename
        ... on Issue {
          ${ISSUE_FIELDS}
          repository { id nameWithOwner url isPrivate }
        }
      }
    }
  }
`;
