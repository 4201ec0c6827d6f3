import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { RawItem } from "./raw-history.js";

/**
 * The checkpoint the app keeps in its timeline comment (§2.6, one read whatever the
 * incident's length): the raw timeline nodes of the history up to `cursor` (as the
 * read returns them, before normalisation), gzip + base64, and a signature over
 * cursor, count and data. With the app's webhook secret the signature is an HMAC, so
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
}

/** GitHub refuses comment bodies longer than this (characters). */
export const COMMENT_LIMIT = 65_536;

const OPEN = "<!-- incident-checkpoint v1 ";
const SEPARATOR = "\n\n";
const TRAILER = /\n\n<!-- incident-checkpoint v1 ([^>]*)-->$/;

function signature(key: string | null, cursor: string, count: number, data: string): string {
  const text = `v1\n${cursor}\n${count}\n${data}`;
  return key
    ? createHmac("sha256", key).update(text).digest("hex")
    : createHash("sha256").update(text).digest("hex");
}

/** The checkpoint as a hidden HTML comment. */
export function encodeCheckpoint(checkpoint: Checkpoint, key: string | null): string {
  const data = gzipSync(JSON.stringify(checkpoint.nodes), { level: 6 }).toString("base64");
  const sig = signature(key, checkpoint.cursor, checkpoint.count, data);
  return `${OPEN}cursor=${checkpoint.cursor} count=${checkpoint.count} sig=${sig} data=${data} -->`;
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
export function stripCheckpoint(body: string): string {
  return body.replace(TRAILER, "");
}

export function hasCheckpoint(body: string): boolean {
  return TRAILER.test(body);
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
  const { cursor, count, sig, data } = parts as Record<string, string | undefined>;
  if (!cursor || !count || !sig || !data || !/^\d+$/.test(count)) return null;
  const expected = Buffer.from(signature(key, cursor, Number(count), data), "hex");
  const given = Buffer.from(sig, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const nodes = JSON.parse(gunzipSync(Buffer.from(data, "base64")).toString("utf8")) as unknown;
    if (!Array.isArray(nodes) || nodes.length !== Number(count)) return null;
    return { cursor, count: Number(count), nodes: nodes as Array<RawItem | null> };
  } catch {
    return null;
  }
}
