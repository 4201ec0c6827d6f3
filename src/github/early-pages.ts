import type { RawIssue, RawItem, RawPage } from "./raw-history.js";

/**
 * One read, however long the incident (up to `EARLY_PAGES` × 99 + 1 items): the
 * history read and the verify selection of the writes ask, beside the first page of
 * the timeline, for the next pages at once (`skip`), each overlapping the one before
 * by one item, so an incident of 370 items is read in one request instead of two.
 * Pages past the end come back empty and cost nothing but their selection. Pages
 * that do not join up (an item removed between two pages' reads) are cut at the last
 * page that did, and the rest is paged by cursor as before (`laterItems`).
 */
export const EARLY_PAGES = 9;

const STEP = 99;

/** The aliases `early1`…`early9` of the issue's timeline, after the first page. */
export function earlyPagesSelection(itemTypes: string, pageFields: string): string {
  return Array.from(
    { length: EARLY_PAGES },
    (_, k) =>
      `early${k + 1}: timelineItems(first: 100, skip: ${STEP * (k + 1)}, itemTypes: ${itemTypes}) { ${pageFields} }`,
  ).join("\n  ");
}

type WithEarlyPages = RawIssue & Partial<Record<`early${number}`, RawPage | undefined>>;

/** The issue with its early pages joined onto the first page: `pageInfo` is the last joined page's. */
export function joinEarlyPages(issue: RawIssue): RawIssue {
  const pages = issue as WithEarlyPages;
  if (!pages.early1 || !issue.timelineItems.pageInfo.hasNextPage) return issue;
  const nodes: Array<RawItem | null> = [...issue.timelineItems.nodes];
  let pageInfo = issue.timelineItems.pageInfo;
  for (let k = 1; k <= EARLY_PAGES && pageInfo.hasNextPage; k++) {
    const page = pages[`early${k}`];
    const [overlap, ...rest] = page?.nodes ?? [];
    if (!page || !overlap?.id || overlap.id !== nodes.at(-1)?.id) break;
    nodes.push(...rest);
    pageInfo = page.pageInfo;
  }
  return { ...issue, timelineItems: { ...issue.timelineItems, nodes, pageInfo } };
}
