import type { IssueHistory } from "../kernel/history.js";
import { stripCheckpoint } from "./checkpoint-codec.js";
import { actor, type RawActor } from "./code-facts.js";
import type { RawItem } from "./raw-history.js";

/**
 * What a read of an incident leaves behind for its writes, beside the normalised
 * history: the raw timeline nodes it read, the cursor of the last one, and the app's
 * timeline comment. The writes use it to carry a checkpoint in the timeline comment
 * and to verify by reading only the items after that cursor (checkpoint-write.ts).
 * Kept beside the history's items (the pure core never sees it): a history derived
 * with other repository facts (`{ ...history, elsewhere }`) keeps its items, and its basis.
 */
export interface ReadBasis {
  nodes: Array<RawItem | null>;
  /** The cursor of the last node; null for an empty timeline. */
  cursor: string | null;
  trust: CheckpointTrust | null;
  /** The app's timeline comment as the read saw it (its body without a checkpoint). */
  timeline: { id: string; body: string } | null;
  /** The next write should carry a fresh checkpoint even if the timeline did not change. */
  refresh: boolean;
}

/** Who may have written a checkpoint, and the key its signature is checked with. */
export interface CheckpointTrust {
  botLogin: string;
  /** The app's webhook secret (HMAC); null: a plain sha256. */
  key: string | null;
}

const bases = new WeakMap<IssueHistory["items"], ReadBasis>();

export function rememberBasis(history: IssueHistory, basis: ReadBasis): IssueHistory {
  bases.set(history.items, basis);
  return history;
}

export function basisOf(history: IssueHistory): ReadBasis | null {
  return bases.get(history.items) ?? null;
}

/** Whose checkpoints the read of this history trusted: a history read after it (a verify, a re-read) trusts the same. */
export function trustOf(history: IssueHistory): CheckpointTrust | null {
  return basisOf(history)?.trust ?? null;
}

/** The raw nodes with every comment's checkpoint removed: all readers see the body the app rendered. */
export function withoutCheckpoints(nodes: Array<RawItem | null>): Array<RawItem | null> {
  return nodes.map((node) =>
    node?.__typename === "IssueComment" &&
    typeof node.body === "string" &&
    node.body.includes("incident-checkpoint")
      ? { ...node, body: stripCheckpoint(node.body) }
      : node,
  );
}

/** The app's timeline comment among raw nodes: the app's own comment with the timeline marker. */
export function timelineOf(
  nodes: ReadonlyArray<RawItem | null>,
  botLogin: string,
): { id: string; body: string } | null {
  const found = nodes.find(
    (node) =>
      node?.__typename === "IssueComment" &&
      isAppActor(node.author, botLogin) &&
      typeof node.body === "string" &&
      node.body.includes(TIMELINE_MARK),
  );
  return found?.id && found.body !== undefined ? { id: found.id, body: stripCheckpoint(found.body) } : null;
}

/** GraphQL names a bot `slug`, the app knows itself as `slug[bot]`. */
export function isAppActor(raw: RawActor | null | undefined, botLogin: string): boolean {
  const found = actor(raw);
  return found?.kind === "Bot" && found.login === botLogin;
}

/** How the timeline comment's hidden marker begins (kernel/markers.ts writes it). */
export const TIMELINE_MARK = "<!-- incident-app:timeline";
