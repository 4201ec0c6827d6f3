import { markdownToMrkdwn } from "./slack-text.js";
import type { MirrorEntry, MirroredMessage } from "./war-room-types.js";
import { warRoomWords } from "./war-room-words.js";

/**
 * Mirroring the timeline into the channel: one message per entry, found again by a
 * key in the message's metadata (not by memory), so a redelivered webhook posts
 * nothing twice and an edited entry edits its message. Pure: the client reads the
 * mirrored messages (`conversations.history` with `include_all_metadata`) and applies.
 */

export const MIRROR_EVENT_TYPE = "incident_timeline_entry";
/** Slack accepts 40,000 characters; a mirrored line this long links out instead. */
export const MIRROR_TEXT_LIMIT = 3_000;

export interface MirrorMetadata {
  event_type: typeof MIRROR_EVENT_TYPE;
  event_payload: { incident: string; key: string };
}

export type MirrorWrite =
  | { kind: "post"; key: string; text: string; metadata: MirrorMetadata }
  | { kind: "update"; key: string; ts: string; text: string; metadata: MirrorMetadata };

export function mirrorMetadata(incidentId: string, key: string): MirrorMetadata {
  return { event_type: MIRROR_EVENT_TYPE, event_payload: { incident: incidentId, key } };
}

/** The entry key of a message's metadata, when it mirrors an entry of this incident. */
export function readMirrorKey(metadata: unknown, incidentId: string): string | null {
  if (typeof metadata !== "object" || metadata === null) return null;
  const { event_type: type, event_payload: payload } = metadata as Record<string, unknown>;
  if (type !== MIRROR_EVENT_TYPE || typeof payload !== "object" || payload === null) return null;
  const { incident, key } = payload as Record<string, unknown>;
  return incident === incidentId && typeof key === "string" && key !== "" ? key : null;
}

export function mirrorText(entry: MirrorEntry, issueUrl: string): string {
  const time = entry.at.toISOString().slice(11, 16);
  const text = markdownToMrkdwn(entry.text);
  const line = warRoomWords.mirrorLine({ time, text, by: namesActor(entry) ? "" : `@${entry.by}` });
  if (line.length <= MIRROR_TEXT_LIMIT) return line;
  return `${line.slice(0, MIRROR_TEXT_LIMIT - issueUrl.length - 4)}… ${issueUrl}`;
}

/**
 * Whether the line already ends by naming who did it ("Incident commander: @bob", set by
 * bob): GitHub's table shows the actor in its own column, a Slack line would repeat them.
 */
function namesActor(entry: MirrorEntry): boolean {
  if (!entry.by) return true;
  return entry.text.trimEnd().toLowerCase().endsWith(`@${entry.by.toLowerCase()}`);
}

/**
 * The writes that make the channel show `entries`: new entries posted in timeline
 * order, changed ones updated, removed ones struck through (Slack keeps the thread
 * of talk under them, so they are not deleted). A key mirrored twice (two replicas
 * racing) is served by its oldest message.
 */
export function planMirror(
  incident: { id: string; issueUrl: string },
  entries: readonly MirrorEntry[],
  mirrored: readonly MirroredMessage[],
): MirrorWrite[] {
  const byKey = new Map<string, MirroredMessage>();
  for (const message of [...mirrored].sort((a, b) => compareTs(a.ts, b.ts)))
    if (!byKey.has(message.key)) byKey.set(message.key, message);

  const writes: MirrorWrite[] = [];
  const ordered = [...entries].sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key));
  const present = new Set<string>();
  for (const entry of ordered) {
    if (present.has(entry.key)) continue;
    present.add(entry.key);
    const text = mirrorText(entry, incident.issueUrl);
    const metadata = mirrorMetadata(incident.id, entry.key);
    const existing = byKey.get(entry.key);
    if (!existing) writes.push({ kind: "post", key: entry.key, text, metadata });
    else if (existing.text !== text)
      writes.push({ kind: "update", key: entry.key, ts: existing.ts, text, metadata });
  }
  for (const [key, message] of byKey) {
    if (present.has(key)) continue;
    const time = /^\*(\d{2}:\d{2}) UTC\*/.exec(message.text)?.[1] ?? timeOfTs(message.ts);
    const text = warRoomWords.mirrorRemoved(time);
    if (message.text !== text)
      writes.push({ kind: "update", key, ts: message.ts, text, metadata: mirrorMetadata(incident.id, key) });
  }
  return writes;
}

/** Slack timestamps are `seconds.micro` strings; compare them as numbers of equal scale. */
function compareTs(a: string, b: string): number {
  const [aSec = "0", aMicro = "0"] = a.split(".");
  const [bSec = "0", bMicro = "0"] = b.split(".");
  return Number(aSec) - Number(bSec) || Number(aMicro.padEnd(6, "0")) - Number(bMicro.padEnd(6, "0"));
}

function timeOfTs(ts: string): string {
  return new Date(Number(ts.split(".")[0]) * 1000).toISOString().slice(11, 16);
}
