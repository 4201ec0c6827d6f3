import { CONFIG_EXPRESSION } from "../config/config-file-name.js";
import type { ActionItemRead } from "../features/sweep/sweep-snapshot.js";
import type { IssueHistory } from "../kernel/history.js";
import type { Octokit } from "./client.js";
import { SWEEP_QUERY } from "./queries-sweep.js";
import type { RawIssue, RawRepository } from "./raw-history.js";
import { normaliseActor, normaliseHistory, type RawActor } from "./read-history.js";
import { laterItemsOfMany } from "./read-history-pages.js";

/**
 * Reads a repository for the sweep in as few requests as GitHub allows: one query
 * per 100 incidents or action items (the three lists page together), plus, for
 * incidents whose histories go beyond their first hundred items, one request per
 * 25 such incidents and page (`laterItemsOfMany`).
 */
export interface SweepRead {
  repo: { id: string; nameWithOwner: string; url: string; configOid: string | null };
  incidents: IssueHistory[];
  actionItems: ActionItemRead[];
}

interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Array<T | null>;
}

interface RawActionItem {
  id: string;
  number: number;
  title: string;
  url: string;
  body: string;
  author: RawActor | null;
  comments: { nodes: Array<{ body: string; author: RawActor | null } | null> };
}

interface RawSweep {
  repository: {
    id: string;
    nameWithOwner: string;
    url: string;
    configFile: { oid?: string } | null;
    openIncidents?: Page<RawIssue>;
    closedIncidents?: Page<RawIssue>;
    actionItems?: Page<RawActionItem>;
  } | null;
}

export interface SweepReadOptions {
  owner: string;
  repo: string;
  incidentLabel: string;
  actionItemLabel: string;
  /** Closed incidents updated since then are read too (PIR reminders); null: none. */
  closedSince: Date | null;
}

export async function readSweep(octokit: Octokit, options: SweepReadOptions): Promise<SweepRead | null> {
  const cursors = {
    openAfter: null as string | null,
    closedAfter: null as string | null,
    itemsAfter: null as string | null,
  };
  const wanted = { withOpen: true, withClosed: options.closedSince !== null, withItems: true };
  const rawIncidents: RawIssue[] = [];
  const items: ActionItemRead[] = [];
  let repository: NonNullable<RawSweep["repository"]> | null = null;
  while (wanted.withOpen || wanted.withClosed || wanted.withItems) {
    const data = await octokit.graphql<RawSweep>(SWEEP_QUERY, {
      owner: options.owner,
      repo: options.repo,
      incidentLabel: options.incidentLabel,
      actionItemLabel: options.actionItemLabel,
      closedSince: (options.closedSince ?? new Date(0)).toISOString().replace(/\.\d{3}Z$/, "Z"),
      ...cursors,
      ...wanted,
      configExpression: CONFIG_EXPRESSION,
    });
    if (!data.repository) return null;
    repository ??= data.repository;
    const { openIncidents, closedIncidents, actionItems } = data.repository;
    rawIncidents.push(...present(openIncidents), ...present(closedIncidents));
    items.push(...present(actionItems).map(actionItemRead));
    wanted.withOpen = wanted.withOpen && next(openIncidents, (cursor) => (cursors.openAfter = cursor));
    wanted.withClosed =
      wanted.withClosed && next(closedIncidents, (cursor) => (cursors.closedAfter = cursor));
    wanted.withItems = wanted.withItems && next(actionItems, (cursor) => (cursors.itemsAfter = cursor));
  }
  if (!repository) return null;
  const stub: RawRepository = {
    id: repository.id,
    nameWithOwner: repository.nameWithOwner,
    url: repository.url,
    defaultBranchRef: null,
    labels: { nodes: [] },
    configFile: repository.configFile ? { __typename: "Blob", ...repository.configFile } : null,
    recentIncidents: null,
  };
  const incidents: IssueHistory[] = [];
  const later = await laterItemsOfMany(octokit, rawIncidents);
  for (const issue of rawIncidents)
    incidents.push(await normaliseHistory(octokit, stub, issue, later.get(issue.id) ?? []));
  return {
    repo: {
      id: repository.id,
      nameWithOwner: repository.nameWithOwner,
      url: repository.url,
      configOid: repository.configFile?.oid ?? null,
    },
    incidents,
    actionItems: items,
  };
}

function present<T>(page: Page<T> | undefined): T[] {
  return (page?.nodes ?? []).filter((node): node is T => node !== null);
}

function next<T>(page: Page<T> | undefined, set: (cursor: string) => void): boolean {
  if (!page?.pageInfo.hasNextPage || !page.pageInfo.endCursor) return false;
  set(page.pageInfo.endCursor);
  return true;
}

function actionItemRead(raw: RawActionItem): ActionItemRead {
  return {
    number: raw.number,
    id: raw.id,
    url: raw.url,
    title: raw.title,
    body: raw.body ?? "",
    author: normaliseActor(raw.author),
    comments: raw.comments.nodes.flatMap((c) =>
      c ? [{ body: c.body, author: normaliseActor(c.author) }] : [],
    ),
  };
}
