import { type ActionItemFields, parseActionItemBody } from "../../kernel/action-item-body.js";
import type { Actor, IssueHistory } from "../../kernel/history.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import { isApp, readMarkers, trustedMarkers } from "../../kernel/markers.js";
import { pirMergedAt } from "../../kernel/pir-status.js";
import { type ProjectionContext, project } from "../../kernel/projection/project-history.js";

/**
 * What the sweep (§10) knows about a repository at one moment: its open incidents
 * (and recently closed ones, for PIR reminders) projected from their histories, its
 * open action items, and which reminders the app already posted on each (their
 * markers), so deciding twice at the same moment posts nothing new.
 */
export interface SweepIncident {
  number: number;
  id: string;
  url: string;
  title: string;
  state: IncidentState;
  /** Keys of reminders, escalations and automatic changes already posted. */
  sent: ReadonlySet<string>;
  pirMergedAt: Date | null;
}

export interface SweepActionItem {
  number: number;
  id: string;
  url: string;
  title: string;
  fields: ActionItemFields;
  incident: number | null;
  /** The incident commander when the item was created. */
  ic: string | null;
  sent: ReadonlySet<string>;
}

export interface SweepSnapshot {
  repo: string;
  incidents: SweepIncident[];
  actionItems: SweepActionItem[];
}

/** The marker kinds whose `key` names a window the sweep already served. */
const SENT_KINDS = new Set(["reminder", "escalation", "auto-severity"]);

export function incidentForSweep(history: IssueHistory, ctx: ProjectionContext): SweepIncident | null {
  const state = project(history, ctx);
  if (!state.declaration) return null;
  const sent = new Set<string>();
  for (const item of history.items) {
    if (item.type !== "comment") continue;
    for (const marker of trustedMarkers(item, ctx.botLogin))
      if (SENT_KINDS.has(marker.kind) && marker.fields.key) sent.add(marker.fields.key);
  }
  const id = state.id;
  return {
    number: history.issue.number,
    id: history.issue.id,
    url: history.issue.url,
    title: history.issue.title,
    state,
    sent,
    pirMergedAt: pirMergedAt(history, ctx.botLogin, id),
  };
}

export interface ActionItemRead {
  number: number;
  id: string;
  url: string;
  title: string;
  body: string;
  author: Actor | null;
  /** The most recent comments: the app's reminders among them. */
  comments: Array<{ body: string; author: Actor | null }>;
}

export function actionItemForSweep(read: ActionItemRead, botLogin: string): SweepActionItem | null {
  if (!isApp(read.author, botLogin)) return null;
  const parsed = parseActionItemBody(read.body);
  if (!parsed.meta) return null;
  const sent = new Set<string>();
  for (const comment of read.comments) {
    if (!isApp(comment.author, botLogin)) continue;
    for (const marker of readMarkers(comment.body))
      if (SENT_KINDS.has(marker.kind) && marker.fields.key) sent.add(marker.fields.key);
  }
  return {
    number: read.number,
    id: read.id,
    url: read.url,
    title: read.title,
    fields: parsed.fields,
    incident: parsed.meta.incident,
    ic: parsed.meta.ic,
    sent,
  };
}
