import { readMarkers } from "../../kernel/markers.js";

/**
 * Reading the checklist comment back: its task lines (what people tick in GitHub's
 * UI), and the app's hidden record of who ticked what, when.
 */
export interface TaskLine {
  text: string;
  ticked: boolean;
}

const TASK_LINE = /^\s*[-*+] \[([ xX])\] (.+?)\s*$/;
/** What the app appends to a ticked item (who and when); not part of the item's text. */
const ATTRIBUTION = /\s*<sub>[^<]*<\/sub>\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function parseTaskLines(body: string): TaskLine[] {
  const lines: TaskLine[] = [];
  let fenced = false;
  for (const line of body.split(/\r?\n/)) {
    if (FENCE.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const match = TASK_LINE.exec(line);
    if (!match?.[2]) continue;
    const text = match[2].replace(ATTRIBUTION, "").trim();
    if (text) lines.push({ text, ticked: match[1] !== " " });
  }
  return lines;
}

/** The app's record in its marker: the tick state it last wrote, and every tick it has seen. */
export interface Ledger {
  /** Hash of the ticked keys the app last wrote: a different body means a person edited since. */
  written: string | null;
  records: LedgerRecord[];
}

export interface LedgerRecord {
  key: string;
  ticked: boolean;
  by: string | null;
  /** Unix seconds. */
  at: number;
}

export function readLedger(body: string): Ledger {
  const found = readMarkers(body).find((marker) => marker.kind === "checklist");
  if (!found) return { written: null, records: [] };
  return { written: found.fields.w ?? null, records: decodeRecords(found.fields.ticks ?? "") };
}

/** Base64 of JSON rows `[key, ticked 1|0, login|"", seconds]`: no spaces, `>` or `--`, which end a marker. */
export function encodeRecords(records: readonly LedgerRecord[]): string {
  const rows = records.map((r) => [r.key, r.ticked ? 1 : 0, r.by ?? "", r.at]);
  return Buffer.from(JSON.stringify(rows), "utf8").toString("base64");
}

function decodeRecords(text: string): LedgerRecord[] {
  if (!text) return [];
  try {
    const rows: unknown = JSON.parse(Buffer.from(text, "base64").toString("utf8"));
    if (!Array.isArray(rows)) return [];
    return rows.flatMap((row): LedgerRecord[] => {
      if (!Array.isArray(row) || row.length !== 4) return [];
      const [key, ticked, by, at] = row as unknown[];
      if (typeof key !== "string" || typeof by !== "string" || typeof at !== "number") return [];
      return [{ key, ticked: ticked === 1, by: by || null, at }];
    });
  } catch {
    // A hand-edited marker is no record: the body's ticks still count.
    return [];
  }
}
