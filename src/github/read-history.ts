import {
  type Association,
  type Closer,
  type HistoryItem,
  type IssueHistory,
  type ReactionContent,
  referenceFromPull,
} from "../kernel/history.js";
import type { GraphqlClient } from "./client.js";
import { actor, codeFacts, pullFact, type RawActor, type RawPull } from "./code-facts.js";
/**
 * The one read of an event: the issue's whole history in one GraphQL query (plus
 * one more per 100 comments and events beyond the first hundred), normalised for
 * the pure projection.
 */
import { joinEarlyPages } from "./early-pages.js";
import type { HistoryVariables } from "./history-variables.js";
import { INCIDENT_HISTORY_QUERY } from "./queries.js";
import type { RawIssue, RawItem, RawLastClosed, RawRepository } from "./raw-history.js";
import { anchorsOf, type CheckpointTrust, rememberBasis, withoutCheckpoints } from "./read-basis.js";
import { laterItemsTo } from "./read-history-pages.js";

export { type HistoryVariables, historyVariables } from "./history-variables.js";

const date = (text: string) => new Date(text);

function item(raw: RawItem): HistoryItem | null {
  const at = date(raw.createdAt ?? "1970-01-01T00:00:00Z");
  const base = { id: raw.id ?? "", at, actor: actor(raw.actor) };
  switch (raw.__typename) {
    case "IssueComment":
      return {
        type: "comment",
        id: raw.id ?? "",
        databaseId: raw.databaseId ?? 0,
        url: raw.url ?? "",
        body: raw.body ?? "",
        at,
        editedAt: raw.lastEditedAt ? date(raw.lastEditedAt) : null,
        author: actor(raw.author),
        association: (raw.authorAssociation ?? "NONE") as Association,
        appReactions: (raw.reactionGroups ?? [])
          .filter((group) => group.viewerHasReacted)
          .map((group) => group.content as ReactionContent),
      };
    case "LabeledEvent":
    case "UnlabeledEvent":
      return raw.label
        ? {
            ...base,
            type: raw.__typename === "LabeledEvent" ? "labeled" : "unlabeled",
            label: raw.label.name,
          }
        : null;
    case "ClosedEvent":
      return {
        ...base,
        type: "closed",
        stateReason: (raw.stateReason ?? null) as "COMPLETED" | "NOT_PLANNED" | null,
      };
    case "ReopenedEvent":
      return { ...base, type: "reopened" };
    case "AssignedEvent":
    case "UnassignedEvent":
      return raw.assignee?.login
        ? {
            ...base,
            type: raw.__typename === "AssignedEvent" ? "assigned" : "unassigned",
            assignee: raw.assignee.login,
          }
        : null;
    case "RenamedTitleEvent":
      return { ...base, type: "renamed", from: raw.previousTitle ?? "", to: raw.currentTitle ?? "" };
    case "TransferredEvent":
      return raw.fromRepository
        ? {
            ...base,
            type: "transferred",
            from: raw.fromRepository.nameWithOwner,
            fromPrivate: raw.fromRepository.isPrivate,
          }
        : null;
    case "CrossReferencedEvent":
      if (raw.source?.__typename === "PullRequest") {
        const pull = pullFact(raw.source as RawPull);
        return { ...base, type: "cross-referenced", source: referenceFromPull(pull), pull };
      }
      return raw.source?.__typename === "Issue"
        ? {
            ...base,
            type: "cross-referenced",
            source: {
              kind: "Issue",
              number: raw.source.number ?? 0,
              title: raw.source.title ?? "",
              url: raw.source.url ?? "",
              state: raw.source.issueState === "CLOSED" ? "CLOSED" : "OPEN",
              author: actor(raw.source.author),
              body: raw.source.body ?? "",
              closedAt: raw.source.closedAt ? date(raw.source.closedAt) : null,
              closer: raw.source.issueState === "CLOSED" ? closerOf(raw.source.lastClosed) : null,
              headRef: null,
              mergedAt: null,
            },
          }
        : null;
    default:
      return null;
  }
}

/** The closer of the issue's last `ClosedEvent`: a pull request or a commit, else null. */
function closerOf(lastClosed: RawLastClosed | null | undefined): Closer | null {
  const closer = lastClosed?.nodes.at(-1)?.closer;
  if (!closer || !("url" in closer)) return null;
  if ("number" in closer)
    return { kind: "pull", repo: closer.repository.nameWithOwner, number: closer.number, url: closer.url };
  if ("abbreviatedOid" in closer)
    return {
      kind: "commit",
      repo: closer.repository.nameWithOwner,
      oid: closer.abbreviatedOid,
      url: closer.url,
    };
  return null;
}

function items(nodes: Array<RawItem | null>): HistoryItem[] {
  return nodes.flatMap((node) => {
    const normalised = node ? item(node) : null;
    return normalised ? [normalised] : [];
  });
}

/** Normalise a history returned by the read or by a mutation's payload, fetching later pages. */
export async function normaliseHistory(
  octokit: GraphqlClient,
  repository: RawRepository,
  issue: RawIssue,
  /** The items after the first page when the caller read them already (`laterItemsOfMany`). */
  later?: Array<RawItem | null>,
  /** Whose checkpoints count: the history then remembers its raw nodes for the writes (read-basis.ts). */
  trust?: CheckpointTrust | null,
  refresh = true,
): Promise<IssueHistory> {
  const joined = joinEarlyPages(issue);
  const rest = later
    ? { nodes: later, endCursor: null }
    : await laterItemsTo(octokit, issue.id, joined.timelineItems);
  const read = [...joined.timelineItems.nodes, ...rest.nodes];
  const raw = withoutCheckpoints(read);
  const history = normalised(repository, issue, raw);
  const cursor = later ? null : (rest.endCursor ?? joined.timelineItems.pageInfo.endCursor);
  if (later || (cursor === null && raw.length > 0)) return history;
  const anchors = trust
    ? anchorsOf(read, issue.firstComments?.nodes, trust.botLogin)
    : { carrier: null, timeline: null };
  return rememberBasis(history, { nodes: raw, cursor, trust: trust ?? null, ...anchors, refresh });
}

/** The history of raw nodes already complete (a full read, or a checkpoint and the items after it). */
export function normalised(
  repository: RawRepository,
  issue: RawIssue,
  raw: Array<RawItem | null>,
): IssueHistory {
  const all = items(raw);
  return {
    repo: {
      id: repository.id,
      nameWithOwner: repository.nameWithOwner,
      url: repository.url,
      private: repository.isPrivate ?? false,
      defaultBranch: repository.defaultBranchRef?.name ?? null,
      labels: repository.labels.nodes,
      configOid: repository.configFile?.oid ?? null,
      templatesOid: repository.templatesFolder?.oid ?? null,
      recentIncidents: repository.recentIncidents?.nodes ?? null,
      pastIncidents:
        repository.pastIncidents?.nodes.map((node) => ({ ...node, createdAt: date(node.createdAt) })) ?? null,
      openActionItems:
        repository.openActionItems?.nodes.map((node) => ({ ...node, author: actor(node.author) })) ?? null,
    },
    issue: {
      id: issue.id,
      number: issue.number,
      title: issue.title,
      body: issue.body ?? "",
      url: issue.url,
      state: issue.state,
      createdAt: date(issue.createdAt),
      closedAt: issue.closedAt ? date(issue.closedAt) : null,
      author: actor(issue.author),
      association: issue.authorAssociation as Association,
      assignees: issue.assignees.nodes.map((node) => node.login),
      labels: issue.labels.nodes.map((node) => node.name),
    },
    items: all,
    code: codeFacts(repository, "hotfixRef" in repository),
    accountIds: accountIds(issue, raw),
  };
}

function accountIds(
  issue: RawIssue,
  ...pages: Array<Array<RawItem | null> | undefined>
): Record<string, string> {
  const ids: Record<string, string> = {};
  if (issue.author?.id && issue.author.login) ids[issue.author.login.toLowerCase()] = issue.author.id;
  for (const node of issue.assignees.nodes) if (node.id) ids[node.login.toLowerCase()] = node.id;
  for (const page of pages)
    for (const node of page ?? [])
      if (node?.author?.id && node.author.login) ids[node.author.login.toLowerCase()] = node.author.id;
  return ids;
}

export async function readHistory(
  octokit: GraphqlClient,
  where: { owner: string; repo: string; number: number },
  variables: HistoryVariables,
  /** Whose checkpoints count: with it the writes carry one and verify only what is new. */
  trust?: CheckpointTrust | null,
): Promise<IssueHistory | null> {
  const result = await octokit.graphql<{ repository: (RawRepository & { issue: RawIssue | null }) | null }>(
    INCIDENT_HISTORY_QUERY,
    { ...where, ...variables },
  );
  const repository = result.repository;
  if (!repository?.issue) return null;
  return normaliseHistory(octokit, repository, repository.issue, undefined, trust);
}

export type { RawActor };
/** The same normalisation for other reads (an action item's comments). */
export { actor as normaliseActor, item as normaliseHistoryItem };
