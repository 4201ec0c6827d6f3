/**
 * What the app has already told the outside world about an incident, kept in its
 * timeline comment's marker (trusted: only the app's own comment counts):
 *
 * - `notified`: the time of the latest timeline entry the chat targets were sent,
 * - `sent`: short keys of the entries sent in the minutes before it, so an entry the
 *   history read returns late (or one in the same second) is still sent exactly once,
 * - `published`: the hash of the incident's public updates on the status page.
 *
 * The fields ride on the timeline comment, which changes anyway whenever an entry is
 * added, so keeping the ledger costs no extra write.
 */
export interface Ledger {
  notified: Date | null;
  sent: string[];
  published: string | null;
}

export const EMPTY_LEDGER: Ledger = { notified: null, sent: [], published: null };

export function readLedger(fields: Readonly<Record<string, string>>): Ledger {
  const notified = fields.notified ? new Date(fields.notified) : null;
  return {
    notified: notified && !Number.isNaN(notified.getTime()) ? notified : null,
    sent: (fields.sent ?? "").split(",").filter((key) => /^[0-9a-f]{6,}$/.test(key)),
    published: fields.published && /^[0-9a-f]+$/.test(fields.published) ? fields.published : null,
  };
}

/** Marker fields for a ledger; empty parts are left out. */
export function ledgerFields(ledger: Ledger): Record<string, string> {
  const fields: Record<string, string> = {};
  if (ledger.notified) fields.notified = ledger.notified.toISOString().replace(/\.000Z$/, "Z");
  if (ledger.sent.length) fields.sent = ledger.sent.join(",");
  if (ledger.published) fields.published = ledger.published;
  return fields;
}
