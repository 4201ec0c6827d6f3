import type { IssueHistory } from "../kernel/history.js";
import { decodeCheckpoint, stripCheckpoint } from "./checkpoint-codec.js";
import type { GraphqlClient } from "./client.js";
import type { RawActor } from "./code-facts.js";
import type { HistoryVariables } from "./history-variables.js";
import { CHECKPOINT_HISTORY_QUERY, TAIL_ITEMS } from "./queries-checkpoint.js";
import type { RawIssue, RawItem, RawRepository } from "./raw-history.js";
import {
  type CheckpointTrust,
  isAppActor,
  rememberBasis,
  TIMELINE_MARK,
  timelineOf,
  withoutCheckpoints,
} from "./read-basis.js";
import { normalised, readHistory } from "./read-history.js";

/**
 * One read whatever the incident's length (§2.6): the issue, its first comments, the
 * comments updated last and the last `TAIL_ITEMS` items of its timeline, in one
 * request. The app's timeline comment carries a checkpoint (checkpoint-codec.ts):
 * the raw nodes of the history up to a cursor. When it verifies and its cursor is
 * among the last items, the history is the checkpoint's nodes (each replaced by its
 * fresh copy where the read has one) and the items after the cursor: the same
 * IssueHistory a full read returns. Otherwise (no checkpoint, one that does not
 * verify or is not the app's, a cursor older than the last items, an item deleted
 * or a comment edited since) the history is read in full, one request more.
 */
export type CheckpointOutcome = "used" | "missing" | "untrusted" | "stale";

interface RawComment extends RawItem {
  updatedAt?: string;
  editor?: RawActor | null;
}

interface CheckpointIssue extends Omit<RawIssue, "timelineItems"> {
  firstComments: { nodes: Array<RawComment | null> };
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
  // A short incident comes whole in the tail: no checkpoint needed.
  if (edges.length === totalCount) {
    const raw = withoutCheckpoints(edges.map((edge) => edge.node));
    const cursor = edges.at(-1)?.cursor ?? null;
    return built(
      repository,
      issue,
      raw,
      cursor,
      trust,
      timelineOf(raw, trust.botLogin),
      totalCount >= TAIL_ITEMS - 10,
    );
  }
  const timeline = issue.firstComments.nodes.find(
    (node) => isAppActor(node?.author, trust.botLogin) && (node?.body ?? "").includes(TIMELINE_MARK),
  );
  if (!timeline?.id || timeline.body === undefined) return "missing";
  // Edited by someone else: whatever it carries is not the app's.
  if (timeline.editor && !isAppActor(timeline.editor, trust.botLogin)) return "untrusted";
  const checkpoint = decodeCheckpoint(timeline.body, trust.key);
  if (!checkpoint) return timeline.body.includes("incident-checkpoint") ? "untrusted" : "missing";
  const lastId = checkpoint.nodes.at(-1)?.id;
  const at = edges.findIndex(
    (edge) => edge.cursor === checkpoint.cursor || (lastId !== undefined && edge.node?.id === lastId),
  );
  if (at === -1) return "stale";
  const after = edges.slice(at + 1);
  // An item deleted since (or added before the cursor): the counts no longer add up.
  if (checkpoint.count + after.length !== totalCount) return "stale";
  // The timeline comment's fresh copy (without its checkpoint) replaces the one covered.
  const fresh = new Map<string, RawItem>();
  for (const node of [...edges.map((edge) => edge.node), { ...timeline, editor: undefined }])
    if (node?.id) fresh.set(node.id, node);
  const covered = new Map(checkpoint.nodes.map((node) => [node?.id, node] as const));
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
  const body = stripCheckpoint(timeline.body);
  // Near the end of what one read sees: the next write carries a fresh checkpoint.
  return built(
    repository,
    issue,
    raw,
    cursor,
    trust,
    { id: timeline.id, body },
    after.length >= TAIL_ITEMS - 10,
  );
}

function built(
  repository: RawRepository,
  issue: CheckpointIssue,
  raw: Array<RawItem | null>,
  cursor: string | null,
  trust: CheckpointTrust,
  timeline: { id: string; body: string } | null,
  refresh: boolean,
): IssueHistory {
  const { firstComments: _first, recentlyUpdated: _recent, tail, ...rest } = issue;
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
    timeline,
    refresh,
  });
}
