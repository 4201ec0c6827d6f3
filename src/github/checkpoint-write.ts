import type { IssueHistory } from "../kernel/history.js";
import type { Plan } from "../kernel/plan.js";
import type { BatchStep } from "./batch-step.js";
import { withCheckpoint } from "./checkpoint-codec.js";
import type { GraphqlClient } from "./client.js";
import { TAIL_ITEMS } from "./queries-checkpoint.js";
import type { RawIssue, RawItem, RawPage, RawRepository } from "./raw-history.js";
import {
  anchorsOf,
  basisOf,
  type ReadBasis,
  rememberBasis,
  timelineHead,
  withoutCheckpoints,
} from "./read-basis.js";
import { normalised, normaliseHistory } from "./read-history.js";
import { laterItemsTo } from "./read-history-pages.js";

/**
 * The writes' side of the checkpoint (§2.6). Only incidents long enough to outgrow
 * one read's tail carry one (`LONG`): a shorter history comes whole in the tail.
 * A plan that rewrites the timeline comment also rewrites the declaration comment
 * with the checkpoint: the history the plan was decided from, as it will be once the
 * plan's own writes land (reactions added, comments deleted, the timeline's new
 * marker), and the timeline's edit count after this rewrite. A plan that writes
 * anyway without touching the timeline carries a fresh one the same way when the read
 * asked for it (`refresh`). Both ride in the plan's document, so they cost no request.
 * And the verify read selects only the items after the read's last cursor: the
 * history after the writes is the read's nodes, with the comments the writes touched
 * replaced by their answers, and the items after.
 */
const LONG = TAIL_ITEMS - 10;

function usable(history: IssueHistory): (ReadBasis & { cursor: string }) | null {
  const basis = basisOf(history);
  return basis?.trust && basis.cursor && basis.nodes.length >= LONG
    ? (basis as ReadBasis & { cursor: string })
    : null;
}

/** The read's nodes as the plan's own writes will leave them. */
function predicted(basis: ReadBasis, plan: Plan): Array<RawItem | null> {
  const deleted = new Set(
    plan.flatMap((write) => (write.kind === "delete-comment" ? [write.commentId] : [])),
  );
  return basis.nodes.flatMap((node) => {
    if (node?.id && deleted.has(node.id)) return [];
    // Read fresh every time, with the checkpoint: its text would only weigh.
    if (node?.id && node.id === basis.carrier?.id) return [{ ...node, body: "" }];
    let next = node;
    for (const write of plan) {
      if (!next?.id) break;
      if (write.kind === "react" && write.subjectId === next.id) {
        const groups = (next.reactionGroups ?? []).filter((group) => group.content !== write.content);
        next = { ...next, reactionGroups: [...groups, { content: write.content, viewerHasReacted: true }] };
      }
      if (write.kind === "update-comment" && write.commentId === next.id)
        next = { ...next, body: write.body };
    }
    // Not read with the checkpoint: what the app decides from it, its marker, is kept.
    if (next?.id && next.id === basis.timeline?.id)
      return [{ ...next, body: timelineHead(String(next.body ?? "")) }];
    return [next];
  });
}

/**
 * GitHub's edit count after one more edit: the first edit lists the original version
 * too (`includesCreatedEdit`), so 0 becomes 2. Were it 1 there, the next read would
 * find the count off, read in full once, and count from what it read.
 */
function editsAfterOneMore(edits: number): number {
  return edits === 0 ? 2 : edits + 1;
}

const isUpdateOf = (step: BatchStep, purpose: string, id: string) =>
  step.write.kind === "update-comment" && step.write.purpose === purpose && step.write.commentId === id;

/** Adds the checkpoint to the plan's declaration write, or a declaration rewrite that carries it. */
export function carryCheckpoint(runs: BatchStep[][], plan: Plan, history: IssueHistory): void {
  const basis = usable(history);
  const { carrier, timeline } = basis ?? {};
  if (!basis?.trust || !carrier || !timeline || runs.length === 0) return;
  // A new timeline comment, or the declaration going: the next read reads in full.
  const replaces = plan.some(
    (write) =>
      (write.kind === "add-comment" && write.purpose === "timeline") ||
      (write.kind === "delete-comment" &&
        (write.commentId === carrier.id || write.commentId === timeline.id)),
  );
  if (replaces) return;
  const run = runs.find((steps) => steps.some((step) => isUpdateOf(step, "timeline", timeline.id)));
  if (!run && !basis.refresh && !basis.purge) return;
  const edits = run ? editsAfterOneMore(timeline.edits) : timeline.edits;
  const nodes = predicted(basis, plan);
  const checkpoint = {
    cursor: basis.cursor,
    count: nodes.length,
    nodes,
    timeline: { id: timeline.id, edits },
  };
  const key = basis.trust.key;
  const declaration = runs.flat().find((step) => isUpdateOf(step, "declaration", carrier.id));
  if (declaration) {
    declaration.input = {
      ...declaration.input,
      body: withCheckpoint(String(declaration.input.body), checkpoint, key),
    };
    return;
  }
  const body = withCheckpoint(carrier.body, checkpoint, key);
  if (body === carrier.body) return;
  (run ?? runs.at(-1))?.push({
    write: { kind: "update-comment", purpose: "declaration", commentId: carrier.id, body: carrier.body },
    field: "updateIssueComment",
    inputType: "UpdateIssueCommentInput",
    input: { id: carrier.id, body },
    returns: "issue-comment",
    legacy: "UpdateComment (checkpoint)",
  });
}

/** The cursor the verify read starts after, or null to read the whole history (short incidents). */
export function verifyAfter(history: IssueHistory): string | null {
  return usable(history)?.cursor ?? null;
}

type Answered = RawIssue & { repository: RawRepository; timelineItems: RawPage & { totalCount?: number } };

/** What a verifying document knew and answered. */
export interface Verified {
  /** The history the plan was decided from. */
  before: IssueHistory;
  steps: readonly BatchStep[];
  answers: ReadonlyMap<number, Record<string, unknown> | null>;
  /** The cursor its verify read started after; null: it read the whole history. */
  after: string | null;
}

/**
 * The history after the writes. From a verify of the items after the cursor: the
 * read's nodes, minus the comments deleted, with the comments touched replaced by
 * their answers, then the new items; null when the counts do not add up (someone
 * else deleted an item meanwhile): read it again.
 */
export async function historyAfterWrites(
  octokit: GraphqlClient,
  issue: RawIssue & { repository: RawRepository },
  verified: Verified,
): Promise<IssueHistory | null> {
  const basis = basisOf(verified.before);
  if (verified.after === null || !basis)
    return normaliseHistory(octokit, issue.repository, issue, undefined, basis?.trust ?? null);
  const answered = issue as Answered;
  const touched = new Map<string, RawItem>();
  const deleted = new Set<string>();
  const old = new Map(basis.nodes.map((node) => [node?.id, node] as const));
  verified.steps.forEach((step, index) => {
    const answer = verified.answers.get(index);
    if (step.write.kind === "delete-comment" && answer) deleted.add(step.write.commentId);
    const comment =
      (answer?.issueComment as RawItem | undefined) ?? (answer?.subject as RawItem | undefined) ?? null;
    // The verify's own selection rides on one of them: not part of the comment.
    const { issue: _verify, ...node } = (comment ?? {}) as RawItem & { issue?: unknown };
    if (!node.id || node.__typename !== "IssueComment") return;
    // The body is not selected again (TOUCHED_COMMENT_FIELDS): the one sent, or the one read.
    const body = step.write.kind === "update-comment" ? String(step.input.body) : old.get(node.id)?.body;
    touched.set(node.id, { ...old.get(node.id), ...node, ...(body === undefined ? {} : { body }) });
  });
  const rest = await laterItemsTo(octokit, issue.id, answered.timelineItems);
  const kept = basis.nodes.filter((node) => !(node?.id && deleted.has(node.id)));
  const read = [
    ...kept.map((node) => (node?.id ? (touched.get(node.id) ?? node) : node)),
    ...answered.timelineItems.nodes,
    ...rest.nodes,
  ];
  const raw = withoutCheckpoints(read);
  const total = answered.timelineItems.totalCount;
  if (total !== undefined && raw.length !== total) return null;
  const cursor = rest.endCursor ?? basis.cursor;
  const { repository, ...rawIssue } = answered;
  const history = normalised(
    repository,
    { ...rawIssue, timelineItems: { ...answered.timelineItems, nodes: raw } },
    raw,
  );
  // The writes changed the timeline's edit count: the next write of this event counts from the answer.
  const anchors = basis.trust ? anchorsOf(read, answered.firstComments?.nodes, basis.trust.botLogin) : basis;
  return rememberBasis(history, { ...basis, ...anchors, nodes: raw, cursor, refresh: false, purge: false });
}
