import type { ActionItemRecord } from "../features/report/report-types.js";
import { parseActionItemBody } from "../kernel/action-item-body.js";
import type { GraphqlClient } from "./client.js";
import { REPORT_ACTION_ITEMS_QUERY } from "./queries-report.js";

/**
 * The report's action items: every issue with the action-item label in a repo, with
 * its due date as its body says (the body is the source of truth, §8).
 */
interface Page {
  repository: {
    issues: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{
        number: number;
        url: string;
        state: "OPEN" | "CLOSED";
        body: string;
        createdAt: string;
        closedAt: string | null;
      } | null>;
    };
  } | null;
}

export async function readReportActionItems(
  client: GraphqlClient,
  nameWithOwner: string,
  label: string,
): Promise<ActionItemRecord[]> {
  const [owner, repo] = nameWithOwner.split("/");
  const records: ActionItemRecord[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await client.graphql<Page>(REPORT_ACTION_ITEMS_QUERY, { owner, repo, label, cursor });
    const issues = page.repository?.issues;
    if (!issues) break;
    for (const node of issues.nodes) {
      if (!node) continue;
      const due = parseActionItemBody(node.body).fields.due;
      records.push({
        number: node.number,
        url: node.url,
        state: node.state === "OPEN" ? "open" : "closed",
        // End of the due day, UTC: an item due today is not overdue yet.
        due: due ? new Date(`${due}T23:59:59.999Z`) : null,
        closedAt: node.closedAt ? new Date(node.closedAt) : null,
        createdAt: new Date(node.createdAt),
      });
    }
    cursor = issues.pageInfo.hasNextPage ? issues.pageInfo.endCursor : null;
  } while (cursor);
  return records;
}
