import { HISTORY_PAGE_QUERY, historyPagesQuery, PAGE_STEP } from "./queries.js";
import type { GraphqlClient, RawItem, RawPage } from "./read-history.js";

/**
 * The rest of a long history after its first page, in as few requests as GitHub
 * allows: one page left is one `IncidentHistoryPage`; more come all at once in
 * `IncidentHistoryPages` (up to 20 pages, 1,980 items, a request), so a read of a
 * 1,000-item incident is two round trips, not ten. Consecutive pages of a batch
 * share one item; where they do not join up (an item deleted between, or `skip`
 * read differently), the batch is kept up to the last page that joined and the
 * rest is paged by cursor, one page a request.
 */
const PAGES_PER_REQUEST = 20;
const PAGE_SIZE = 100;

export async function laterItems(
  octokit: GraphqlClient,
  issueId: string,
  first: RawPage,
): Promise<Array<RawItem | null>> {
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
  return nodes;
}

/** Pages needed for `left` items: the first covers 100, each later one 99 new. */
function pagesFor(left: number): number {
  if (left <= PAGE_SIZE) return 1;
  return Math.min(PAGES_PER_REQUEST, 1 + Math.ceil((left - PAGE_SIZE) / PAGE_STEP));
}
