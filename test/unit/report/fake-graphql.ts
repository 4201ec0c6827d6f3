import type { CloseReason } from "../../../src/features/report/report-types.js";
import type { GraphqlClient } from "../../../src/github/read-incidents.js";
import type { IssueHistory } from "../../../src/kernel/history.js";
import { rawHistoryResponse } from "../../support/raw-history.js";

/**
 * An in-memory GitHub for the report's reads: answers `ReportIncidents` in pages
 * of `pageSize` issues and `IncidentHistoryPage` for histories split after
 * `firstPageItems` items, and records every call by operation name.
 */
export interface FakeGraphql extends GraphqlClient {
  calls: Array<{ operation: string; variables: Record<string, unknown> }>;
}

export function fakeGraphql(
  histories: readonly IssueHistory[],
  options: { pageSize?: number; firstPageItems?: number; closeReasons?: Record<number, CloseReason> } = {},
): FakeGraphql {
  const { pageSize = 2, firstPageItems = 100, closeReasons = {} } = options;
  const raws = histories.map((history) => {
    const { repository } = rawHistoryResponse(history);
    const { issue, ...repo } = repository;
    const nodes = issue.timelineItems.nodes;
    const split = nodes.length > firstPageItems;
    const first = {
      ...issue,
      stateReason: closeReasons[issue.number] ?? null,
      timelineItems: {
        totalCount: nodes.length,
        pageInfo: { hasNextPage: split, endCursor: split ? `T${issue.id}` : null },
        nodes: nodes.slice(0, firstPageItems),
      },
    };
    return { repo, issue: first, rest: nodes.slice(firstPageItems) };
  });
  const calls: FakeGraphql["calls"] = [];
  const answer = (query: string, variables: Record<string, unknown>): unknown => {
    const operation = /query (\w+)/.exec(query)?.[1] ?? "unknown";
    calls.push({ operation, variables });
    if (operation === "ReportIncidents") {
      const start = variables.cursor ? Number(String(variables.cursor).slice(1)) : 0;
      const page = raws.slice(start, start + pageSize);
      const hasNextPage = start + pageSize < raws.length;
      const repo = raws[0]?.repo ?? {
        id: "R_1",
        nameWithOwner: "acme/shop",
        url: "https://github.com/acme/shop",
        defaultBranchRef: { name: "main" },
      };
      return {
        repository: {
          ...repo,
          issues: {
            pageInfo: { hasNextPage, endCursor: hasNextPage ? `P${start + pageSize}` : null },
            nodes: page.map((raw) => raw.issue),
          },
        },
      };
    }
    if (operation === "IncidentHistoryPage") {
      const raw = raws.find((r) => `T${r.issue.id}` === variables.after);
      return {
        node: {
          timelineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: raw?.rest ?? [] },
        },
      };
    }
    if (operation === "ReportActionItems")
      return { repository: { issues: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } } };
    throw new Error(`unexpected query ${operation}`);
  };
  return {
    calls,
    graphql: async <T>(query: string, variables: Record<string, unknown>): Promise<T> =>
      answer(query, variables) as T,
  };
}
