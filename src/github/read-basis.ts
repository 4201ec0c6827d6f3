import type { IssueHistory } from "../kernel/history.js";
import { decodeCheckpoint, mentionsCheckpoint, stripCheckpoint } from "./checkpoint-codec.js";
import { actor, type RawActor } from "./code-facts.js";
import type { FirstComment, RawItem } from "./raw-history.js";

/**
 * What a read of an incident leaves behind for its writes, beside the normalised
 * history: the raw timeline nodes it read, the cursor of the last one, and the app's
 * two comments the checkpoint involves. The writes use it to carry a checkpoint in the
 * declaration comment and to verify by reading only the items after that cursor
 * (checkpoint-write.ts). Kept beside the history's items (the pure core never sees
 * it): a history derived with other repository facts (`{ ...history, elsewhere }`)
 * keeps its items, and its basis.
 */
export interface ReadBasis {
  nodes: Array<RawItem | null>;
  /** The cursor of the last node; null for an empty timeline. */
  cursor: string | null;
  trust: CheckpointTrust | null;
  /** The app's declaration comment, among the issue's first two, which carries the checkpoint (its body without one; `sealed`: with it). */
  carrier: { id: string; body: string; sealed?: string } | null;
  /** The app's timeline comment and how many edits it had when read. */
  timeline: { id: string; edits: number } | null;
  /** The next write should carry a fresh checkpoint even if the timeline did not change. */
  refresh: boolean;
  /**
   * A comment was edited or deleted since the checkpoint was written, which may still
   * hold its old text: a fresh one is written even when nothing else is.
   */
  purge?: boolean;
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

/**
 * After a read for an edited or deleted comment: when the checkpoint the declaration
 * carries still holds a comment's old text (or one since deleted), or does not verify,
 * the writes carry a fresh one (long incidents only), so the old text leaves it. A
 * checkpoint that already agrees with the read asks nothing: a redelivered edit writes nothing.
 */
export function purgeCheckpoint(history: IssueHistory): IssueHistory {
  const basis = basisOf(history);
  const sealed = basis?.carrier?.sealed;
  if (!basis?.trust || !sealed || !mentionsCheckpoint(sealed)) return history;
  const checkpoint = decodeCheckpoint(sealed, basis.trust.key);
  const now = new Map(basis.nodes.map((node) => [node?.id, node] as const));
  const skip = new Set([basis.carrier?.id, checkpoint?.timeline.id]);
  basis.purge =
    !checkpoint ||
    checkpoint.nodes.some(
      (node) =>
        node?.__typename === "IssueComment" &&
        !skip.has(node.id) &&
        (!now.has(node.id) || now.get(node.id)?.body !== node.body),
    );
  return history;
}

/** A checkpoint purge is due: the incident is written even when its plan is empty. */
export function purgeDue(history: IssueHistory): boolean {
  return basisOf(history)?.purge === true;
}

/** Whose checkpoints the read of this history trusted: a history read after it (a verify, a re-read) trusts the same. */
export function trustOf(history: IssueHistory): CheckpointTrust | null {
  return basisOf(history)?.trust ?? null;
}

/** The raw nodes with every comment's checkpoint removed: all readers see the body the app rendered. */
export function withoutCheckpoints(nodes: Array<RawItem | null>): Array<RawItem | null> {
  return nodes.map((node) =>
    node?.__typename === "IssueComment" && typeof node.body === "string" && mentionsCheckpoint(node.body)
      ? { ...node, body: stripCheckpoint(node.body) }
      : node,
  );
}

/**
 * Where the checkpoint read looks for the declaration comment: the issue's first two
 * comments (a config warning can come before it; the timeline, whose text the read
 * leaves out, comes after it and the checklist).
 */
export const CARRIER_CANDIDATES = 2;

/**
 * The app's declaration and timeline comments among raw nodes, as a checkpoint needs
 * them: the declaration only when it is among the issue's first two comments (the read
 * finds it there) and nobody else edited it, the timeline with its edit count.
 */
export function anchorsOf(
  nodes: ReadonlyArray<RawItem | null>,
  firstComments: ReadonlyArray<FirstComment | null> | undefined,
  botLogin: string,
): Pick<ReadBasis, "carrier" | "timeline"> {
  const meta = new Map((firstComments ?? []).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const ours = (node: RawItem | null | undefined): node is RawItem & { id: string; body: string } =>
    node?.__typename === "IssueComment" &&
    typeof node.id === "string" &&
    typeof node.body === "string" &&
    isAppActor(node.author, botLogin) &&
    meta.has(node.id);
  const candidates = nodes.filter((node) => node?.__typename === "IssueComment").slice(0, CARRIER_CANDIDATES);
  const first = candidates.find((node) => ours(node) && String(node.body).includes(DECLARATION_MARK));
  const carrier =
    ours(first) && !editedByOthers(meta.get(first.id), botLogin)
      ? { id: first.id, body: stripCheckpoint(first.body), sealed: first.body }
      : null;
  // A timeline someone else edited is fine: the write that carries the checkpoint rewrites it.
  const found = nodes.find((node) => ours(node) && String(node.body).includes(TIMELINE_MARK));
  const edits = found?.id ? meta.get(found.id)?.userContentEdits?.totalCount : undefined;
  const timeline = found?.id && edits !== undefined ? { id: found.id, edits } : null;
  return { carrier, timeline };
}

/** Edited last by someone other than the app: what it says is not the app's. */
export function editedByOthers(
  comment: { editor?: RawActor | null } | null | undefined,
  botLogin: string,
): boolean {
  return Boolean(comment?.editor && !isAppActor(comment.editor, botLogin));
}

/** GraphQL names a bot `slug`, the app knows itself as `slug[bot]`. */
export function isAppActor(raw: RawActor | null | undefined, botLogin: string): boolean {
  const found = actor(raw);
  return found?.kind === "Bot" && found.login === botLogin;
}

/** The timeline comment's marker line (its hash and ledger): all the app decides from its text. */
export function timelineHead(body: string): string {
  return body.split("\n").find((line) => line.startsWith(TIMELINE_MARK)) ?? "";
}

/** How the timeline comment's hidden marker begins (kernel/markers.ts writes it). */
export const TIMELINE_MARK = "<!-- incident-app:timeline";
/** How the declaration comment's hidden marker begins. */
export const DECLARATION_MARK = "<!-- incident-app:declaration";
