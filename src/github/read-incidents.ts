import { incidentRecord } from "../features/report/incident-record.js";
import type { CloseReason, IncidentRecord } from "../features/report/report-types.js";
import type { ProjectionContext } from "../kernel/projection/project-history.js";
import type { GraphqlClient } from "./client.js";
import { REPORT_INCIDENTS_QUERY } from "./queries-report.js";
import type { RawIssue, RawRepository } from "./raw-history.js";
import { normaliseHistory } from "./read-history.js";

/**
 * Reads every incident of a repo in pages of 50 and projects each with the app's
 * own `project()`. Only `graphql` is used, so a token-authenticated Octokit in a
 * workflow and the app's installation Octokit both fit.
 */
export type { GraphqlClient };

type ReportIssue = RawIssue & { stateReason?: CloseReason };

interface ReportPage {
  repository: {
    id: string;
    nameWithOwner: string;
    url: string;
    defaultBranchRef: { name: string } | null;
    issues: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<ReportIssue | null>;
    };
  } | null;
}

export async function readIncidents(
  client: GraphqlClient,
  nameWithOwner: string,
  ctx: ProjectionContext,
): Promise<IncidentRecord[]> {
  const [owner, repo] = nameWithOwner.split("/");
  if (!owner || !repo) throw new Error(`report: expected a repo as owner/name, got "${nameWithOwner}"`);
  const records: IncidentRecord[] = [];
  let cursor: string | null = null;
  do {
    const page: ReportPage = await client.graphql<ReportPage>(REPORT_INCIDENTS_QUERY, {
      owner,
      repo,
      label: ctx.config.labels.incident,
      cursor,
    });
    const repository = page.repository;
    if (!repository) throw new Error(`report: repository ${nameWithOwner} not found or not readable`);
    const facts: RawRepository = { ...repository, labels: { nodes: [] }, configFile: null };
    for (const issue of repository.issues.nodes) {
      if (!issue) continue;
      const history = await normaliseHistory(client, facts, issue);
      records.push(
        incidentRecord(history, ctx, issue.state === "CLOSED" ? (issue.stateReason ?? null) : null),
      );
    }
    const { hasNextPage, endCursor } = repository.issues.pageInfo;
    cursor = hasNextPage ? endCursor : null;
  } while (cursor);
  return records;
}
