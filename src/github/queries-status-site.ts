import { ISSUE_FIELDS } from "./queries.js";

/**
 * The status site's read: the repo's incidents touched since `since`, each with its
 * whole history (as `IncidentHistory` reads one), 25 a page; and, on the first page,
 * the site branch's head, its folder's blob ids and the repo's overrides of the site's
 * templates. The same selection rides in `IncidentHistory` (as `site:`) when the event
 * asks to publish (`history-extras.ts`), so publishing costs no read of its own.
 */
export function statusSiteFields(names: { since: string; after: string; firstPage: string }): string {
  const first = `@include(if: ${names.firstPage})`;
  return /* GraphQL */ `
      id nameWithOwner url isPrivate
      defaultBranchRef { name }
      siteHead: ref(qualifiedName: $siteRef) ${first} { target { oid } }
      siteFolder: object(expression: $siteFolder) ${first} {
        __typename
        ... on Tree { entries { path type oid object { __typename ... on Tree { entries { path type oid } } } } }
      }
      indexTemplate: object(expression: $indexTemplate) ${first} { __typename ... on Blob { text } }
      incidentTemplate: object(expression: $incidentTemplate) ${first} { __typename ... on Blob { text } }
      feedTemplate: object(expression: $feedTemplate) ${first} { __typename ... on Blob { text } }
      incidents: issues(first: 25, after: ${names.after}, labels: [$incidentLabel], filterBy: { since: ${names.since} }, orderBy: { field: CREATED_AT, direction: DESC }) {
        pageInfo { hasNextPage endCursor }
        nodes { ${ISSUE_FIELDS} }
      }`;
}

/** The variables the site's selection uses besides `$incidentLabel` and those its caller names. */
export const STATUS_SITE_VARIABLES =
  "$indexTemplate: String!, $incidentTemplate: String!, $feedTemplate: String!, $siteRef: String!, $siteFolder: String!";

export const STATUS_SITE_QUERY = /* GraphQL */ `
  query StatusSiteIncidents($owner: String!, $repo: String!, $incidentLabel: String!, $since: DateTime!, $after: String, $withTemplates: Boolean!, ${STATUS_SITE_VARIABLES}) {
    repository(owner: $owner, name: $repo) {
      ${statusSiteFields({ since: "$since", after: "$after", firstPage: "$withTemplates" })}
    }
  }
`;
