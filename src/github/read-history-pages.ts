import type { GraphqlClient } from "./client.js";
import { HISTORY_PAGE_QUERY, historyPagesQuery, PAGE_STEP } from "./queries.js";
import { sweepHistoryPagesQuery } from "./queries-sweep.js";
import type { RawItem, RawPage } from "./raw-history.js";

/**
 * The rest of a long history after its first page, in as few requests as GitHub
 * allows: one page left is one `IncidentHistoryPage`; more come all at once in
 * `IncidentHistoryPages` (up to 20 pages, 1,980 items, a request), so a read of a
 * 1,000-item incident is two round trips, not ten. Consecutive pages of a batch
 * share one item; where they do not join up (an item deleted between, or `skip`
 * read differently), the batch is kept up to the last page that joined and the
 * rest is paged by cursor, one page a request. Many histories at once (the sweep):
 * `laterItemsOfMany`.
 */
const PAGES_PER_REQUEST = 20;
const PAGE_SIZE = 100;

export async function laterItems(
  octokit: GraphqlClient,
  issueId: string,
  first: RawPage,
): Promise<Array<RawItem | null>> {
  return (await laterItemsTo(octokit, issueId, first)).nodes;
}

/** `laterItems` and the cursor of the last item read (the first page's when there was nothing more). */
export async function laterItemsTo(
  octokit: GraphqlClient,
  issueId: string,
  first: RawPage,
): Promise<{ nodes: Array<RawItem | null>; endCursor: string | null }> {
  const nodes: Array<RawItem | null> = [];
  let info = first.pageInfo;
  let left = Math.max(0, (first.totalCount ?? 0) - first.nodes.length);
  let batched = true;
  while (info.hasNextPage && info.endCursor) {
    const pages = batched ? pagesFor(left) : 1;
    if (pages <= 1) {
      const next = await octokit.graphql<{ node: { timelineItems: RawPage } }>(HISTORY_PAGE_QUERY, {
        id: issueId,
        after: info.endCursor,
      });
      nodes.push(...next.node.timelineItems.nodes);
      left -= next.node.timelineItems.nodes.length;
      info = next.node.timelineItems.pageInfo;
      continue;
    }
    const data = await octokit.graphql<{ node: Record<string, RawPage | undefined> | null }>(
      historyPagesQuery(pages),
      { id: issueId, after: info.endCursor },
    );
    // The issue vanished meanwhile: the read cannot be completed (the old reader threw too).
    if (!data.node?.p0) throw new Error(`history of ${issueId}: page after ${info.endCursor} missing`);
    let previous: RawItem | null | undefined;
    for (let k = 0; k < pages; k++) {
      const page = data.node?.[`p${k}`];
      if (!page) break;
      const [overlap, ...rest] = page.nodes;
      if (k > 0 && !(overlap?.id && overlap.id === previous?.id)) {
        batched = false;
        break;
      }
      const fresh = k > 0 ? rest : page.nodes;
      nodes.push(...fresh);
      left -= fresh.length;
      info = page.pageInfo;
      previous = page.nodes.at(-1);
      if (!page.pageInfo.hasNextPage) break;
    }
  }
  return { nodes, endCursor: info.endCursor };
}

/** Pages needed for `left` items: the first covers 100, each later one 99 new. */
function pagesFor(left: number): number {
  if (left <= PAGE_SIZE) return 1;
  return Math.min(PAGES_PER_REQUEST, 1 + Math.ceil((left - PAGE_SIZE) / PAGE_STEP));
}

/** Incidents per `SweepHistoryPages` request: 2,500 items at most. */
const ISSUES_PER_REQUEST = 25;

/**
 * The rest of many histories (the sweep's incidents), by issue id: each round asks
 * for the next page of up to 25 of them in one request, until none has more. One
 * long incident alone is read as `laterItems` reads it.
 */
export async function laterItemsOfMany(
  octokit: GraphqlClient,
  issues: ReadonlyArray<{ id: string; timelineItems: RawPage }>,
): Promise<Map<string, Array<RawItem | null>>> {
  const later = new Map<string, Array<RawItem | null>>(issues.map((issue) => [issue.id, []]));
  let open = issues.flatMap((issue) => {
    const { hasNextPage, endCursor } = issue.timelineItems.pageInfo;
    return hasNextPage && endCursor ? [{ id: issue.id, after: endCursor }] : [];
  });
  if (open.length === 1) {
    const only = issues.find((issue) => issue.id === open[0]?.id);
    if (only) later.set(only.id, await laterItems(octokit, only.id, only.timelineItems));
    return later;
  }
  while (open.length > 0) {
    const batch = open.slice(0, ISSUES_PER_REQUEST);
    const variables: Record<string, unknown> = {};
    batch.forEach((entry, k) => {
      variables[`id${k}`] = entry.id;
      variables[`after${k}`] = entry.after;
    });
    const data = await octokit.graphql<Record<string, { timelineItems?: RawPage } | null>>(
      sweepHistoryPagesQuery(batch.length),
      variables,
    );
    const next: typeof open = [];
    batch.forEach((entry, k) => {
      const page = data[`i${k}`]?.timelineItems;
      // The issue vanished meanwhile: the read cannot be completed (the old reader threw too).
      if (!page) throw new Error(`history of ${entry.id}: page after ${entry.after} missing`);
      later.get(entry.id)?.push(...page.nodes);
      const { hasNextPage, endCursor } = page.pageInfo;
      if (hasNextPage && endCursor) next.push({ id: entry.id, after: endCursor });
    });
    open = [...open.slice(ISSUES_PER_REQUEST), ...next];
  }
  return later;
}
