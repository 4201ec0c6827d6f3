import { createHash } from "node:crypto";
import type { NotifyEvent } from "../../config/outward-schema.js";
import type { EntryKind, TimelineEntry } from "../../kernel/incident-state.js";
import type { Ledger } from "./ledger.js";

/**
 * Which timeline entries are due to be told to the chat targets, decided from the
 * history alone: every entry of a notifiable kind after the ledger's `notified` time,
 * plus any entry of the last minutes whose key is not in `sent` (a late read, or two
 * entries in one second). Applying the returned ledger makes the next call return none.
 */
export const NOTIFIABLE: Partial<Record<EntryKind, NotifyEvent>> = {
  declared: "declared",
  ack: "acknowledged",
  severity: "severity",
  status: "status",
  role: "roles",
  update: "update",
  escalated: "escalation",
  public: "public-status",
  resolved: "resolved",
  reopened: "reopened",
  "review-merged": "pir-merged",
};

/** How far back `sent` remembers keys: far longer than any read lag, short enough to stay small. */
export const LOOKBACK_MS = 10 * 60_000;

export interface DueEntry {
  entry: TimelineEntry;
  event: NotifyEvent;
  key: string;
}

export interface DueNotices {
  due: DueEntry[];
  ledger: Pick<Ledger, "notified" | "sent">;
}

/** Keys of the notifiable entries, stable across reads and edits of the text people typed. */
export function notifiableEntries(entries: readonly TimelineEntry[]): DueEntry[] {
  const seen = new Map<string, number>();
  return entries.flatMap((entry) => {
    const event = NOTIFIABLE[entry.kind];
    if (!event) return [];
    const base = `${entry.kind}|${entry.at.toISOString()}|${entry.commentId ?? ""}|${entry.by ?? ""}|${entry.text}`;
    const ordinal = seen.get(base) ?? 0;
    seen.set(base, ordinal + 1);
    const key = createHash("sha1").update(`${base}#${ordinal}`).digest("hex").slice(0, 7);
    return [{ entry, event, key }];
  });
}

/**
 * `fallback` bounds a ledger that was never written (an incident older than this
 * capability, or a timeline comment recreated): nothing before it is sent again.
 */
export function dueNotices(
  entries: readonly TimelineEntry[],
  ledger: Pick<Ledger, "notified" | "sent">,
  fallback: Date | null,
): DueNotices {
  const all = notifiableEntries(entries);
  const cursor = ledger.notified ?? fallback;
  const sent = new Set(ledger.sent);
  const remembers = ledger.notified !== null;
  const due = all.filter(({ entry, key }) => {
    const at = entry.at.getTime();
    if (cursor === null || at > cursor.getTime()) return true;
    return remembers && at >= cursor.getTime() - LOOKBACK_MS && !sent.has(key);
  });
  const latest = Math.max(
    cursor?.getTime() ?? Number.NEGATIVE_INFINITY,
    ...due.map((d) => d.entry.at.getTime()),
  );
  if (!Number.isFinite(latest)) return { due, ledger: { notified: null, sent: [] } };
  const recent = all
    .filter(({ entry }) => entry.at.getTime() <= latest && entry.at.getTime() >= latest - LOOKBACK_MS)
    .map(({ key }) => key);
  return { due, ledger: { notified: new Date(latest), sent: recent } };
}
