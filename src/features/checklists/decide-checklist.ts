import type { Config } from "../../config/schema.js";
import type { ChecklistEdit, ChecklistState, TickRecord } from "../../kernel/checklist.js";
import type { HistoryComment, IssueHistory } from "../../kernel/history.js";
import { isComment } from "../../kernel/history.js";
import type { TimelineEntry } from "../../kernel/incident-state.js";
import { marker, trustedMarkers } from "../../kernel/markers.js";
import type { Write } from "../../kernel/plan.js";
import { timeOnDay } from "../../render/format-time.js";
import type { Templates } from "../../render/renderer.js";
import { configuredItems } from "./checklist-items.js";
import { checklistWords, PHASE_TITLES } from "./checklist-words.js";
import { latest, mergeTicks, tickHash } from "./merge-ticks.js";
import { encodeRecords, type LedgerRecord, readLedger } from "./parse-checklist.js";

export interface ChecklistInput {
  history: IssueHistory;
  botLogin: string;
  config: Config;
  id: string;
  severity: string | null;
  /** The declaration: times in the comment are shown against its day. */
  reference: Date;
  /** A person's edit of the checklist comment, when that is the event being handled. */
  edit: ChecklistEdit | null;
  templates: Templates;
}

export interface ChecklistDecision {
  writes: Write[];
  checklist: ChecklistState | null;
  /** Each tick and untick, for the timeline. */
  entries: TimelineEntry[];
}

/** The app's checklist comments, oldest first (more than one: two handlers raced). */
export function checklistComments(history: IssueHistory, botLogin: string): HistoryComment[] {
  return history.items
    .filter(isComment)
    .filter((comment) => trustedMarkers(comment, botLogin).some((m) => m.kind === "checklist"));
}

/**
 * The checklist comment: posted once the incident is declared, rewritten when its
 * items or ticks change (keeping every tick people made, and a record of who made
 * it in its marker), and read back into the state for the timeline and the review.
 */
export function decideChecklist(input: ChecklistInput): ChecklistDecision {
  const { config, history } = input;
  const [current, ...duplicates] = checklistComments(history, input.botLogin);
  const writes: Write[] = duplicates.map((comment) => ({
    kind: "delete-comment",
    purpose: "checklist",
    commentId: comment.id,
  }));
  const configured = config.checklists.enabled ? configuredItems(config, input.severity) : [];
  if (!current && configured.length === 0) return { writes, checklist: null, entries: [] };

  const edit = input.edit && current && input.edit.commentId === current.databaseId ? input.edit : null;
  const merged = mergeTicks({
    configured,
    known: config.checklists.enabled ? configuredItems(config, "every") : [],
    body: current?.body ?? null,
    ledger: current ? readLedger(current.body) : { written: null, records: [] },
    bodyAt: Math.floor((current?.editedAt ?? current?.at ?? input.reference).getTime() / 1000),
    edit,
  });
  const items = merged.items.map((item) => ({ ...item, ticked: merged.ticked.get(item.key) ?? false }));
  const body = renderChecklist(input, items, merged.records, tickHash(merged.ticked));
  if (!current) writes.push({ kind: "add-comment", purpose: "checklist", body });
  else if (current.body !== body)
    writes.push({ kind: "update-comment", purpose: "checklist", commentId: current.id, body });

  const records: TickRecord[] = merged.records.map((r) => ({ ...r, at: new Date(r.at * 1000) }));
  const phaseOf = new Map(items.map((item) => [item.key, item.phase]));
  const text = new Map(items.map((item) => [item.key, item.text]));
  const entries: TimelineEntry[] = records.map((record) => ({
    at: record.at,
    kind: "checklist",
    text: checklistWords.ticked(record.ticked, phaseOf.get(record.key) ?? "added", record.by !== null),
    quote: text.get(record.key) ?? null,
    by: record.by,
    url: current?.url ?? null,
    backdated: false,
    commentId: null,
  }));
  return { writes, checklist: { items, records, url: current?.url ?? null }, entries };
}

function renderChecklist(
  input: ChecklistInput,
  items: ChecklistState["items"],
  records: LedgerRecord[],
  written: string,
): string {
  const zone = input.config.timeZone;
  const who = (key: string) => {
    const last = latest(records, key);
    return last?.ticked
      ? checklistWords.tickedBy(last.by, timeOnDay(new Date(last.at * 1000), input.reference, zone))
      : null;
  };
  const phases = Object.entries(PHASE_TITLES)
    .map(([phase, title]) => ({
      title,
      items: items
        .filter((item) => item.phase === phase)
        .map((item) => ({ box: item.ticked ? "x" : " ", text: item.text, who: who(item.key) })),
    }))
    .filter((phase) => phase.items.length > 0);
  return input.templates.render("checklist", {
    marker: marker("checklist", { w: written, ticks: encodeRecords(records) }),
    id: input.id,
    done: items.filter((item) => item.ticked).length,
    total: items.length,
    phases,
  });
}
