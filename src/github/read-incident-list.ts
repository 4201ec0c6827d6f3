import type { IssueHistory } from "../kernel/history.js";
import type { GraphqlClient } from "./client.js";
import { OPEN_INCIDENT_LIST_QUERY } from "./queries-incident-list.js";
import type { RawIssue, RawRepository } from "./raw-history.js";
import { normaliseHistory } from "./read-history.js";
import { laterItemsOfMany } from "./read-history-pages.js";

/**
 * The read behind `/incidents`: one GraphQL search for the open issues with the incident
 * label in every repository of the installation's account (`org:` or `user:`), 100 a page;
 * histories longer than their first page continue 25 incidents a request. The search
 * answers only what the installation may read, as GitHub's search does.
 */
export interface IncidentListScope {
  /** The account the installation belongs to: every repository it covers is the account's. */
  account: string;
  accountType: "Organization" | "User";
  incidentLabel: string;
}

interface SearchPage {
  search: {
    issueCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<
      (RawIssue & { __typename: string; repository: RawRepository }) | { __typename: string } | null
    >;
  };
}

/** GitHub's issue search: open issues (not pull requests) with the label, in the account's repositories. */
export function incidentSearchQuery(scope: IncidentListScope): string {
  const qualifier = scope.accountType === "User" ? "user" : "org";
  return `is:open is:issue label:${quoted(scope.incidentLabel)} ${qualifier}:${scope.account}`;
}

/** A qualifier's value in double quotes when it has spaces or quotes (`label:"sev incident"`). */
function quoted(value: string): string {
  return /^[^\s"]+$/.test(value) ? value : `"${value.replace(/"/g, "")}"`;
}

export async function readIncidentList(
  client: GraphqlClient,
  scope: IncidentListScope,
): Promise<IssueHistory[]> {
  const query = incidentSearchQuery(scope);
  const found: Array<RawIssue & { repository: RawRepository }> = [];
  let after: string | null = null;
  do {
    const page: SearchPage = await client.graphql<SearchPage>(OPEN_INCIDENT_LIST_QUERY, {
      search: query,
      after,
    });
    for (const node of page.search.nodes)
      if (node && node.__typename === "Issue" && "repository" in node) found.push(node);
    const { hasNextPage, endCursor } = page.search.pageInfo;
    after = hasNextPage ? endCursor : null;
  } while (after);
  const later = await laterItemsOfMany(client, found);
  const histories: IssueHistory[] = [];
  for (const issue of found) {
    const repository: RawRepository = {
      ...issue.repository,
      defaultBranchRef: null,
      labels: { nodes: [] },
      configFile: null,
      recentIncidents: null,
    };
    histories.push(await normaliseHistory(client, repository, issue, later.get(issue.id) ?? []));
  }
  return histories;
}
