import { createHash } from "node:crypto";
import type { ChecklistEdit } from "../../kernel/checklist.js";
import { type ConfiguredItem, itemKey, normalText } from "./checklist-items.js";
import { type Ledger, type LedgerRecord, parseTaskLines, type TaskLine } from "./parse-checklist.js";

/**
 * Who ticked what, merged from three sources, so that GitHub stays the only record:
 * the comment's task lines (what people tick), the app's ledger in the comment's
 * marker (who and when, as far as it has seen), and the edit being handled (its
 * webhook says exactly who changed which box). The app's own rewrite of the comment
 * may race a person's tick; the edit's webhook then puts the tick back.
 */
export interface MergedTicks {
  items: ConfiguredItem[];
  ticked: Map<string, boolean>;
  records: LedgerRecord[];
}

/** At most this many records are kept: plenty for a checklist of dozens of items. */
const MAX_RECORDS = 300;

export function tickHash(ticked: ReadonlyMap<string, boolean>): string {
  const keys = [...ticked].filter(([, on]) => on).map(([key]) => key);
  return createHash("sha1").update(keys.sort().join(",")).digest("hex").slice(0, 10);
}

export function mergeTicks(input: {
  configured: ConfiguredItem[];
  /** Items of every severity: a line of another severity's keeps its phase, and goes when unticked. */
  known: ConfiguredItem[];
  body: string | null;
  ledger: Ledger;
  /** Seconds of the comment's last edit (or creation): when a tick seen only in the body happened. */
  bodyAt: number;
  edit: ChecklistEdit | null;
}): MergedTicks {
  const items = [...input.configured];
  const records = input.ledger.records.map((record) => ({ ...record }));
  const keyOf = keyFinder(items, input.known, records);
  const bodyTicks = new Map<string, boolean>();
  for (const line of input.body === null ? [] : parseTaskLines(input.body)) {
    const key = keyOf(line.text, line.ticked);
    if (key) bodyTicks.set(key, line.ticked);
  }

  if (input.edit) applyEdit(input.edit, keyOf, records);
  // A body the app did not write: a person edited it; what differs from the record is theirs.
  if (input.body !== null && input.ledger.written !== tickHash(bodyTicks)) {
    for (const [key, on] of bodyTicks)
      if ((latest(records, key)?.ticked ?? false) !== on)
        records.push({ key, ticked: on, by: null, at: input.bodyAt });
  }
  const ticked = new Map(items.map((item) => [item.key, latest(records, item.key)?.ticked ?? false]));
  return { items, ticked, records: records.slice(-MAX_RECORDS) };
}

/**
 * The item a task line is: a configured one; another severity's (kept while ticked or
 * recorded, else gone: the app wrote it, nobody needs it now); or a line a person added.
 */
function keyFinder(
  items: ConfiguredItem[],
  known: ConfiguredItem[],
  records: LedgerRecord[],
): (text: string, ticked: boolean) => string | null {
  // Each task line is compared with every item: each item's text is normalised once.
  const normals = new Map<ConfiguredItem, string>();
  const normalOf = (item: ConfiguredItem): string => {
    let normal = normals.get(item);
    if (normal === undefined) {
      normal = normalText(item.text);
      normals.set(item, normal);
    }
    return normal;
  };
  return (text, ticked) => {
    const normal = normalText(text);
    const listed = items.find((item) => normalOf(item) === normal);
    if (listed) return listed.key;
    const other = known.find((item) => normalOf(item) === normal);
    if (other) {
      if (!ticked && !records.some((record) => record.key === other.key)) return null;
      items.push(other);
      return other.key;
    }
    const hash = itemKey("added", text).slice("added-".length);
    const phase = records.find((record) => record.key.endsWith(`-${hash}`))?.key.slice(0, -hash.length - 1);
    const key = `${phase ?? "added"}-${hash}`;
    items.push({ key, phase: isPhase(phase) ? phase : "added", text: text.replace(/\s+/g, " ").trim() });
    return key;
  };
}

function isPhase(text: string | undefined): text is ConfiguredItem["phase"] {
  return (
    text === "triage" ||
    text === "investigation" ||
    text === "verification" ||
    text === "resolution" ||
    text === "recovery" ||
    text === "postIncident"
  );
}

function applyEdit(
  edit: ChecklistEdit,
  keyOf: (text: string, ticked: boolean) => string | null,
  records: LedgerRecord[],
): void {
  const at = Math.floor(edit.at.getTime() / 1000);
  const before = byText(parseTaskLines(edit.before));
  for (const line of parseTaskLines(edit.after)) {
    if ((before.get(normalText(line.text)) ?? false) === line.ticked) continue;
    const key = keyOf(line.text, line.ticked);
    if (!key) continue;
    const last = latest(records, key);
    if (records.some((r) => r.key === key && r.at === at && r.by === edit.by && r.ticked === line.ticked))
      continue;
    if (last && last.by === null && last.ticked === line.ticked) {
      // Seen earlier in the body alone: now we know who, and when.
      last.by = edit.by;
      last.at = at;
    } else if (!last || last.at <= at) records.push({ key, ticked: line.ticked, by: edit.by, at });
  }
}

function byText(lines: TaskLine[]): Map<string, boolean> {
  return new Map(lines.map((line) => [normalText(line.text), line.ticked]));
}

/** The newest record of an item; of two at the same second, the later one. */
export function latest(records: readonly LedgerRecord[], key: string): LedgerRecord | undefined {
  let found: LedgerRecord | undefined;
  for (const record of records) if (record.key === key && (!found || record.at >= found.at)) found = record;
  return found;
}
