import type { IssueHistory } from "../kernel/history.js";
import { decodeCheckpoint, mentionsCheckpoint, stripCheckpoint } from "./checkpoint-codec.js";
import type { GraphqlClient } from "./client.js";
import type { RawActor } from "./code-facts.js";
import type { HistoryVariables } from "./history-variables.js";
import { CHECKPOINT_HISTORY_QUERY, TAIL_ITEMS } from "./queries-checkpoint.js";
import type { FirstComment, RawIssue, RawItem, RawRepository } from "./raw-history.js";
import {
  anchorsOf,
  type CheckpointTrust,
  DECLARATION_MARK,
  editedByOthers,
  isAppActor,
  type ReadBasis,
  rememberBasis,
  withoutCheckpoints,
} from "./read-basis.js";
import { normalised, readHistory } from "./read-history.js";

/**
 * One read whatever the incident's length (§2.6): the issue, its declaration comment,
 * its first comments without their text, the comments updated last and the last
 * `TAIL_ITEMS` items of its timeline, in one request. The app's declaration comment
 * carries a checkpoint (checkpoint-codec.ts): the raw nodes of the history up to a
 * cursor, the timeline comment's reduced to its marker, and the edit count that
 * timeline comment has once the writes that carried the checkpoint landed. When it
 * verifies, the timeline comment has that count, and the cursor is among the last
 * items, the history is the checkpoint's nodes (each replaced by its fresh copy where
 * the read has one) and the items after the cursor: the IssueHistory a full read
 * returns, but for the timeline comment's text, of which only its marker (what the
 * app decides from) is kept. Otherwise (no checkpoint, one that does not verify or is
 * not the app's, a timeline written since without one, a cursor older than the last
 * items, an item deleted or a comment edited since) the history is read in full, one
 * request more.
 */
export type CheckpointOutcome = "used" | "missing" | "untrusted" | "stale";

interface RawComment extends RawItem {
  updatedAt?: string;
  editor?: RawActor | null;
}

interface CheckpointIssue extends Omit<RawIssue, "timelineItems"> {
  carrier: { nodes: Array<RawComment | null> };
  firstComments: { nodes: Array<FirstComment | null> };
  recentlyUpdated: { nodes: Array<{ id: string; updatedAt: string } | null> };
  tail: { totalCount: number; edges: Array<{ cursor: string; node: RawItem | null }> };
}

/** The last outcome, for logs and tests (`readHistoryFromCheckpoint` returns the history alone). */
export const checkpointOutcomes: CheckpointOutcome[] = [];

export async function readHistoryFromCheckpoint(
  octokit: GraphqlClient,
  where: { owner: string; repo: string; number: number },
  variables: HistoryVariables,
  trust: CheckpointTrust,
): Promise<IssueHistory | null> {
  const result = await octokit.graphql<{
    repository: (RawRepository & { issue: CheckpointIssue | null }) | null;
  }>(CHECKPOINT_HISTORY_QUERY, { ...where, ...variables });
  const repository = result.repository;
  if (!repository?.issue) return null;
  const built = fromCheckpoint(repository, repository.issue, trust);
  note(typeof built === "string" ? built : "used");
  if (typeof built !== "string") return built;
  return readHistory(octokit, where, variables, trust);
}

function note(outcome: CheckpointOutcome): void {
  checkpointOutcomes.push(outcome);
  if (checkpointOutcomes.length > 100) checkpointOutcomes.shift();
}

function fromCheckpoint(
  repository: RawRepository,
  issue: CheckpointIssue,
  trust: CheckpointTrust,
): IssueHistory | Exclude<CheckpointOutcome, "used"> {
  const { edges, totalCount } = issue.tail;
  const firstComments = issue.firstComments.nodes;
  // A short incident comes whole in the tail: no checkpoint needed.
  if (edges.length === totalCount) {
    const read = edges.map((edge) => edge.node);
    const raw = withoutCheckpoints(read);
    const cursor = edges.at(-1)?.cursor ?? null;
    const anchors = anchorsOf(read, firstComments, trust.botLogin);
    return built(repository, issue, raw, cursor, trust, anchors, totalCount >= TAIL_ITEMS - 10);
  }
  const carrier = issue.carrier.nodes.find(
    (node) => isAppActor(node?.author, trust.botLogin) && node?.body?.includes(DECLARATION_MARK),
  );
  if (!carrier?.id || carrier.body === undefined) return "missing";
  // Edited by someone else: whatever it carries is not the app's.
  if (editedByOthers(carrier, trust.botLogin)) return "untrusted";
  const checkpoint = decodeCheckpoint(carrier.body, trust.key);
  if (!checkpoint) return mentionsCheckpoint(carrier.body) ? "untrusted" : "missing";
  const timeline = firstComments.find((comment) => comment?.id === checkpoint.timeline.id);
  if (!timeline || editedByOthers(timeline, trust.botLogin)) return "untrusted";
  // Written since without a checkpoint, or its write failed while the checkpoint's landed.
  if (timeline.userContentEdits?.totalCount !== checkpoint.timeline.edits) return "stale";
  const lastId = checkpoint.nodes.at(-1)?.id;
  const at = edges.findIndex(
    (edge) => edge.cursor === checkpoint.cursor || (lastId !== undefined && edge.node?.id === lastId),
  );
  if (at === -1) return "stale";
  const after = edges.slice(at + 1);
  // An item deleted since (or added before the cursor): the counts no longer add up.
  if (checkpoint.count + after.length !== totalCount) return "stale";
  // Fresh copies replace the covered ones: the tail's, the declaration's, and the
  // timeline comment's times (its text, reduced to its marker, is the checkpoint's).
  const fresh = new Map<string, RawItem>();
  const read = issue.carrier.nodes.flatMap((node) => (node ? [withoutEditor(node)] : []));
  for (const node of [...edges.map((edge) => edge.node), ...read]) if (node?.id) fresh.set(node.id, node);
  const covered = new Map(checkpoint.nodes.map((node) => [node?.id, node] as const));
  const timelineNode = covered.get(timeline.id) as RawComment | undefined;
  if (!timelineNode) return "stale";
  const times = { updatedAt: timeline.updatedAt, lastEditedAt: timeline.lastEditedAt };
  if (!fresh.has(timeline.id)) fresh.set(timeline.id, { ...timelineNode, ...times } as RawItem);
  for (const updated of issue.recentlyUpdated.nodes) {
    if (!updated || fresh.has(updated.id) || !covered.has(updated.id)) continue;
    // A comment covered by the checkpoint and edited since: its copy there is out of date.
    if ((covered.get(updated.id) as RawComment | null)?.updatedAt !== updated.updatedAt) return "stale";
  }
  const raw = withoutCheckpoints([
    ...checkpoint.nodes.map((node) => (node?.id ? (fresh.get(node.id) ?? node) : node)),
    ...after.map((edge) => edge.node),
  ]);
  const cursor = after.at(-1)?.cursor ?? checkpoint.cursor;
  // Near the end of what one read sees: the next write carries a fresh checkpoint.
  return built(
    repository,
    issue,
    raw,
    cursor,
    trust,
    {
      carrier: { id: carrier.id, body: stripCheckpoint(carrier.body), sealed: carrier.body },
      timeline: { id: timeline.id, edits: checkpoint.timeline.edits },
    },
    after.length >= TAIL_ITEMS - 10,
  );
}

function withoutEditor(comment: RawComment): RawItem {
  const { editor: _editor, ...node } = comment;
  return node;
}

function built(
  repository: RawRepository,
  issue: CheckpointIssue,
  raw: Array<RawItem | null>,
  cursor: string | null,
  trust: CheckpointTrust,
  anchors: Pick<ReadBasis, "carrier" | "timeline">,
  refresh: boolean,
): IssueHistory {
  const { carrier: _carrier, recentlyUpdated: _recent, tail, ...rest } = issue;
  const rawIssue: RawIssue = {
    ...rest,
    timelineItems: {
      totalCount: tail.totalCount,
      nodes: raw,
      pageInfo: { hasNextPage: false, endCursor: cursor },
    },
  };
  return rememberBasis(normalised(repository, rawIssue, raw), {
    nodes: raw,
    cursor,
    trust,
    ...anchors,
    refresh,
  });
}
