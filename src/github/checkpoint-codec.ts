import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { boundedMemo } from "../kernel/bounded-memo.js";
import type { RawItem } from "./raw-history.js";

/**
 * The checkpoint the app keeps in its declaration comment (§2.6, one read whatever the
 * incident's length): the raw timeline nodes of the history up to `cursor` (as the
 * read returns them, before normalisation; the timeline comment's text reduced to its
 * marker), gzip + base64, which comment is the timeline and how many edits it has as
 * described, and a signature over all of it. With the app's webhook secret the signature is an HMAC, so
 * nobody else can write one that verifies; without a secret it is a plain sha256,
 * which only catches damage, and trust then rests on the comment's author and editor
 * being the app (checked by the reader). Anything that does not verify is ignored and
 * the history is read in full.
 */
export interface Checkpoint {
  /** The cursor of the last timeline item covered. */
  cursor: string;
  /** Timeline items covered (the raw nodes, nulls included). */
  count: number;
  nodes: Array<RawItem | null>;
  /** The app's timeline comment, and its edit count (`userContentEdits`) once the writes carrying this land. */
  timeline: { id: string; edits: number };
}

/** GitHub refuses comment bodies longer than this (characters). */
export const COMMENT_LIMIT = 65_536;

const OPEN = "<!-- incident-checkpoint v2 ";
const MARK = "<!-- incident-checkpoint";
const SEPARATOR = "\n\n";
const TRAILER = /\n\n<!-- incident-checkpoint v2 ([^>]*)-->$/;
/** Any version's, so a checkpoint left in a timeline comment by an earlier version is removed. */
const ANY_TRAILER = /\n\n<!-- incident-checkpoint v\d+ [^>]*-->$/;

function signature(key: string | null, fields: Omit<Checkpoint, "nodes">, data: string): string {
  const { cursor, count, timeline } = fields;
  const text = `v2\n${cursor}\n${count}\n${timeline.id}\n${timeline.edits}\n${data}`;
  return key
    ? createHmac("sha256", key).update(text).digest("hex")
    : createHash("sha256").update(text).digest("hex");
}

/**
 * Checkpoints this process wrote or read lately, by signature: the next event on the
 * incident reads back the one the last wrote, and skips its gunzip and parse. Looked up
 * only once the signature verified, so a signature names one content.
 */
const recent = boundedMemo<Array<RawItem | null>>(16);

/** The checkpoint as a hidden HTML comment. */
export function encodeCheckpoint(checkpoint: Checkpoint, key: string | null): string {
  const data = gzipSync(JSON.stringify(checkpoint.nodes), { level: 6 }).toString("base64");
  const { cursor, count, timeline } = checkpoint;
  const sig = signature(key, checkpoint, data);
  // The nodes themselves: nothing in the read path changes a raw node (each change is a copy).
  recent.get(sig, () => Object.freeze([...checkpoint.nodes]) as Array<RawItem | null>);
  return `${OPEN}cursor=${cursor} count=${count} timeline=${timeline.id} edits=${timeline.edits} sig=${sig} data=${data} -->`;
}

/**
 * `body` with the checkpoint appended, or `body` alone when both together would be
 * longer than GitHub allows (the next read then reads the history in full).
 */
export function withCheckpoint(body: string, checkpoint: Checkpoint, key: string | null): string {
  const text = `${stripCheckpoint(body)}${SEPARATOR}${encodeCheckpoint(checkpoint, key)}`;
  return text.length <= COMMENT_LIMIT ? text : stripCheckpoint(body);
}

/** The body as the app rendered it, without its checkpoint. */
/** Whether `body` carries a checkpoint of any version, verified or not (a cheap test before stripping or decoding). */
export function mentionsCheckpoint(body: string): boolean {
  return body.includes(MARK);
}

export function stripCheckpoint(body: string): string {
  return body.replace(ANY_TRAILER, "");
}

/** The checkpoint in `body`, or null when there is none or it does not verify. */
export function decodeCheckpoint(body: string, key: string | null): Checkpoint | null {
  const fields = TRAILER.exec(body)?.[1];
  if (!fields) return null;
  const parts = Object.fromEntries(
    fields
      .trim()
      .split(" ")
      .map((part) => {
        const at = part.indexOf("=");
        return [part.slice(0, at), part.slice(at + 1)];
      }),
  );
  const { cursor, count, timeline: id, edits, sig, data } = parts as Record<string, string | undefined>;
  if (!cursor || !count || !id || !edits || !sig || !data || !/^\d+$/.test(count) || !/^\d+$/.test(edits))
    return null;
  const timeline = { id, edits: Number(edits) };
  const expected = Buffer.from(signature(key, { cursor, count: Number(count), timeline }, data), "hex");
  const given = Buffer.from(sig, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const nodes = recent.get(sig, () => {
      const parsed = JSON.parse(gunzipSync(Buffer.from(data, "base64")).toString("utf8")) as unknown;
      if (!Array.isArray(parsed)) throw new Error("checkpoint: not a list");
      return parsed as Array<RawItem | null>;
    });
    if (nodes.length !== Number(count)) return null;
    return { cursor, count: Number(count), nodes, timeline };
  } catch {
    return null;
  }
}
