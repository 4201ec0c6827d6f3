import type { SiteTemplateOverrides } from "../features/outward/status-page/site-templates.js";
import type { IssueHistory } from "../kernel/history.js";
import type { Octokit } from "./client.js";
import type { SiteBranch } from "./publish-files.js";
import { STATUS_SITE_QUERY } from "./queries-status-site.js";
import type { RawIssue, RawRepository } from "./raw-history.js";
import { normaliseHistory } from "./read-history.js";

/**
 * Everything the status site is rendered from, in one paged GraphQL query: the
 * histories of the repo's incidents touched since `since` (so the pure projection
 * decides which `/status public` commands count) and the repo's template overrides.
 */
export interface StatusSiteSource {
  histories: IssueHistory[];
  overrides: SiteTemplateOverrides;
  /** The site branch as read with the incidents, so the commit needs no read of its own. */
  site: SiteBranch;
}

interface RawTree {
  __typename: string;
  entries?: Array<{ path: string; type: string; oid: string; object?: RawTree | null }>;
}

interface RawBlob {
  __typename: string;
  text?: string;
}

export interface RawSiteRepository {
  id: string;
  nameWithOwner: string;
  url: string;
  isPrivate: boolean;
  defaultBranchRef: { name: string } | null;
  siteHead?: { target: { oid: string } | null } | null;
  siteFolder?: RawTree | null;
  indexTemplate?: RawBlob | null;
  incidentTemplate?: RawBlob | null;
  feedTemplate?: RawBlob | null;
  incidents: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<RawIssue | null> };
}

const OVERRIDES = "HEAD:.github/incident-templates/status";
const MAX_PAGES = 20;

/** Where the site is read: its repository, the incidents' label, since when, its branch and folder. */
export interface SiteWhere {
  owner: string;
  repo: string;
  incidentLabel: string;
  since: Date;
  branch: string;
  folder: string;
}

/** The variables of the site's selection (its first page), named as `statusSiteFields` uses them. */
export function siteVariables(where: SiteWhere): Record<string, unknown> {
  return {
    indexTemplate: `${OVERRIDES}/index.html.hbs`,
    incidentTemplate: `${OVERRIDES}/incident.html.hbs`,
    feedTemplate: `${OVERRIDES}/feed.xml.hbs`,
    siteRef: `refs/heads/${where.branch}`,
    siteFolder: `${where.branch}:${where.folder}`,
  };
}

export const gitTime = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * Reads the site's source. `firstPage`: the first page as the incident's read already
 * brought it (`history-extras.ts`); only later pages are then requested.
 */
export async function readStatusSite(
  octokit: Octokit,
  where: SiteWhere,
  firstPage?: RawSiteRepository | null,
): Promise<StatusSiteSource> {
  const source: StatusSiteSource = { histories: [], overrides: {}, site: { kind: "missing" } };
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const repository: RawSiteRepository | null =
      page === 0 && firstPage !== undefined
        ? firstPage
        : (
            await octokit.graphql<{ repository: RawSiteRepository | null }>(STATUS_SITE_QUERY, {
              owner: where.owner,
              repo: where.repo,
              incidentLabel: where.incidentLabel,
              since: gitTime(where.since),
              after,
              withTemplates: page === 0,
              ...siteVariables(where),
            })
          ).repository;
    if (!repository) return source;
    if (page === 0) {
      source.overrides = overridesOf(repository);
      source.site = siteBranch(repository);
    }
    const raw: RawRepository = {
      id: repository.id,
      nameWithOwner: repository.nameWithOwner,
      url: repository.url,
      isPrivate: repository.isPrivate,
      defaultBranchRef: repository.defaultBranchRef,
      labels: { nodes: [] },
      configFile: null,
    };
    for (const issue of repository.incidents.nodes) {
      if (issue) source.histories.push(await normaliseHistory(octokit, raw, issue));
    }
    const { hasNextPage, endCursor }: { hasNextPage: boolean; endCursor: string | null } =
      repository.incidents.pageInfo;
    if (!hasNextPage || !endCursor) return source;
    after = endCursor;
  }
  return source;
}

function overridesOf(repository: RawSiteRepository): SiteTemplateOverrides {
  const text = (blob: RawBlob | null | undefined) => (blob?.__typename === "Blob" ? blob.text : undefined);
  const overrides: SiteTemplateOverrides = {};
  const index = text(repository.indexTemplate);
  const incident = text(repository.incidentTemplate);
  const feed = text(repository.feedTemplate);
  if (index !== undefined) overrides["index.html"] = index;
  if (incident !== undefined) overrides["incident.html"] = incident;
  if (feed !== undefined) overrides["feed.xml"] = feed;
  return overrides;
}

/**
 * The site branch's head and the blob ids of its folder's files, two folders deep (the
 * site's files are no deeper); a file not listed counts as changed.
 */
function siteBranch(repository: RawSiteRepository): SiteBranch {
  const head = repository.siteHead?.target?.oid;
  if (!head) return { kind: "missing" };
  const blobs = new Map<string, string>();
  for (const entry of repository.siteFolder?.entries ?? []) {
    if (entry.type === "blob") blobs.set(entry.path, entry.oid);
    for (const inner of entry.object?.entries ?? [])
      if (inner.type === "blob") blobs.set(inner.path, inner.oid);
  }
  return { kind: "known", head, blobs };
}
