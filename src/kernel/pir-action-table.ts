import { matchPriority, type Priority, parseHandle } from "../commands/vocabulary.js";
import { isIsoDay } from "./calendar-days.js";

/**
 * The action-items table of a post-incident review (§7): `| Action | Owner | Due |
 * Priority | Status |`. When the PIR is merged, each row that is not tracked yet
 * becomes an action item; a row whose Action or Status links an issue (`#123`) already is one.
 * Pure: rows in, items or a precise complaint per row out.
 */
export interface PirActionRow {
  /** 1-based row of the table body, as people count them. */
  row: number;
  text: string;
  owner: string | null;
  /** `YYYY-MM-DD` or null. */
  due: string | null;
  priority: Priority | null;
  done: boolean;
  /** The issue the Action (or else the Status) cell links, when the row is already tracked. */
  tracked: number | null;
}

export type PirRowResult =
  | { ok: true; item: PirActionRow }
  | { ok: false; row: number; text: string; errors: string[] };

export interface PirActionTable {
  /** False when the document has no action-items table. */
  found: boolean;
  rows: PirRowResult[];
}

const COLUMNS = ["action", "owner", "due", "priority", "status"] as const;
type Column = (typeof COLUMNS)[number];
const HEADER_WORDS: Record<string, Column> = {
  action: "action",
  "action item": "action",
  owner: "owner",
  due: "due",
  "due date": "due",
  priority: "priority",
  status: "status",
};
const EMPTY = /^(|-|–|—|tbd|n\/a|none)$/i;
const DONE = /^(done|closed|complete|completed|fixed|✅)$/i;
const OPEN = /^(todo|to do|open|in progress|doing|planned|not started)$/i;
const TRACKED = /(?:^|[\s([])#(\d+)\b|\/issues\/(\d+)\b/;
const DONE_WORD = /\b(done|closed|complete|completed|fixed)\b|✅/i;

/** The cells of a Markdown table row; `\|` stays inside its cell. */
function cells(line: string): string[] | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith("|")) return null;
  const inner = trimmed.replace(/^\|/, "").replace(/\|\s*$/, "");
  return inner.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, "|").trim());
}

function headerColumns(row: string[]): Map<Column, number> | null {
  const found = new Map<Column, number>();
  row.forEach((cell, index) => {
    const column = HEADER_WORDS[cell.replace(/[*_`]/g, "").trim().toLowerCase()];
    if (column && !found.has(column)) found.set(column, index);
  });
  return found.has("action") && found.has("owner") && found.has("due") ? found : null;
}

export function parsePirActionTable(markdown: string): PirActionTable {
  const lines = markdown.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const header = cells(lines[index] ?? "");
    const columns = header ? headerColumns(header) : null;
    const divider = cells(lines[index + 1] ?? "");
    if (!columns || !divider?.every((cell) => /^:?-{3,}:?$/.test(cell))) continue;
    const rows: PirRowResult[] = [];
    for (let at = index + 2; at < lines.length; at += 1) {
      const row = cells(lines[at] ?? "");
      if (!row) break;
      if (row.every((cell) => cell === "")) continue;
      rows.push(parseRow(rows.length + 1, row, columns));
    }
    return { found: true, rows };
  }
  return { found: false, rows: [] };
}

function parseRow(number: number, row: string[], columns: Map<Column, number>): PirRowResult {
  const cell = (column: Column) => {
    const index = columns.get(column);
    return index === undefined ? "" : (row[index] ?? "");
  };
  const text = cell("action").replace(/\s+/g, " ").trim();
  const errors: string[] = [];
  if (EMPTY.test(text)) errors.push("the Action cell is empty: say what needs to be done");
  const link = TRACKED.exec(text);

  const ownerText = cell("owner");
  let owner: string | null = null;
  if (!EMPTY.test(ownerText)) {
    const handle = parseHandle(ownerText);
    if (handle === null || handle === "me")
      errors.push(
        `Owner “${ownerText.replace(/`/g, "'")}” is not a GitHub user or team: write \`@alice\` or \`@org/team\``,
      );
    else owner = handle;
  }

  const dueText = cell("due").replace(/[*_`]/g, "");
  let due: string | null = null;
  if (/^y{4}-m{2}-d{2}$/i.test(dueText))
    errors.push("Due is still the template's `YYYY-MM-DD`: fill in a date");
  else if (!EMPTY.test(dueText)) {
    if (isIsoDay(dueText)) due = dueText;
    else errors.push(`Due “${dueText}” is not a date: write it as \`YYYY-MM-DD\``);
  }

  const priorityText = cell("priority").replace(/[*_`]/g, "");
  let priority: Priority | null = null;
  if (!EMPTY.test(priorityText)) {
    // PIR tables often use P0 for the most urgent; commands know p1–p3.
    priority = /^p0$/i.test(priorityText) ? "high" : matchPriority(priorityText);
    if (priority === null)
      errors.push(`Priority “${priorityText}” is not one of high, medium, low (or p1, p2, p3)`);
  }

  // The Status cell may name the tracking issue instead (`#123`, `Open (#123)`, `tracked in #123`).
  const statusText = cell("status").replace(/[*_`]/g, "").trim();
  const statusLink = TRACKED.exec(statusText);
  const done = statusLink ? DONE_WORD.test(statusText) : DONE.test(statusText);
  if (!statusLink && !done && !EMPTY.test(statusText) && !OPEN.test(statusText))
    errors.push(`Status “${statusText}” is neither open (\`TODO\`, \`In progress\`) nor \`Done\``);
  const tracked = link
    ? Number(link[1] ?? link[2])
    : statusLink
      ? Number(statusLink[1] ?? statusLink[2])
      : null;

  // A row already linked to an issue is left alone: its other cells are only notes.
  if (errors.length && (tracked === null || text === "")) return { ok: false, row: number, text, errors };
  return { ok: true, item: { row: number, text, owner, due, priority, done, tracked } };
}

/** Rows that should become action items: valid, not done, not tracked yet. */
export function untrackedRows(table: PirActionTable): PirActionRow[] {
  return table.rows.flatMap((result) =>
    result.ok && !result.item.done && result.item.tracked === null ? [result.item] : [],
  );
}

/** One line per bad row, naming the row and what is wrong. */
export function describeRowErrors(table: PirActionTable): string[] {
  return table.rows.flatMap((result) =>
    result.ok
      ? []
      : [`Row ${result.row} (“${result.text.slice(0, 60) || "empty"}”): ${result.errors.join("; ")}.`],
  );
}
