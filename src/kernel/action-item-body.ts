import { matchPriority, type Priority, parseHandle } from "../commands/vocabulary.js";
import { isIsoDay } from "./calendar-days.js";
import { marker, readMarkers } from "./markers.js";

/**
 * An action item's issue body (§8): plain Markdown people can edit, whose Owner, Due
 * and Priority lines are the source of truth, plus the app's hidden marker naming the
 * incident and the command it came from. The app rewrites only the lines it changes.
 */
export type { Priority };

export interface ActionItemFields {
  owner: string | null;
  /** `YYYY-MM-DD`, a calendar day in the configured zone. */
  due: string | null;
  priority: Priority | null;
}

export type FieldName = keyof ActionItemFields;

export interface ActionItemMeta {
  incident: number;
  /** Where it came from: `c<comment id>-<nth action of the comment>`, or the PIR row. */
  key: string;
  /** The incident commander when it was created, for overdue reminders. */
  ic: string | null;
  /** The newest command comment already applied to the body: `<epoch seconds>.<comment id>`. */
  synced: string | null;
}

export interface FieldProblem {
  field: FieldName;
  value: string;
  expected: string;
}

export interface ParsedBody {
  fields: ActionItemFields;
  problems: FieldProblem[];
  /** Null when the body has no marker: not an action item (or someone removed it). */
  meta: ActionItemMeta | null;
}

const LABELS: Record<FieldName | "incident", string> = {
  incident: "Incident",
  owner: "Owner",
  due: "Due",
  priority: "Priority",
};
const LINE = /^\s*(?:[-*+]\s+)?[*_]*\s*(owner|due|priority|incident)\s*[*_]*\s*:\s*[*_]*\s*(.*?)\s*$/i;
const NOBODY = /^(|-|–|—|none|nobody|n\/a|tbd|unassigned)$/i;
const EXPECTED: Record<FieldName, string> = {
  owner: "`@user`, `@org/team` or `none`",
  due: "a date written `YYYY-MM-DD`, or `none`",
  priority: "`high`, `medium` or `low`",
};

export function fieldLine(field: FieldName | "incident", value: string): string {
  return `- **${LABELS[field]}:** ${value}`;
}

export function fieldText(fields: ActionItemFields, field: FieldName): string {
  const value = fields[field];
  if (value === null) return "none";
  return field === "owner" ? `@${value}` : value;
}

export function metaMarker(meta: ActionItemMeta): string {
  return marker("action-item", {
    incident: meta.incident,
    key: meta.key,
    ...(meta.ic ? { ic: meta.ic } : {}),
    ...(meta.synced ? { synced: meta.synced } : {}),
  });
}

export interface NewBody {
  text: string;
  incidentTitle: string;
  incidentUrl: string;
  fields: ActionItemFields;
  meta: ActionItemMeta;
}

/** The body of a new action item. `text` and `incidentTitle` must already be made safe. */
export function renderActionItemBody(input: NewBody): string {
  return [
    metaMarker(input.meta),
    fieldLine("incident", `[${input.incidentTitle}](${input.incidentUrl})`),
    fieldLine("owner", fieldText(input.fields, "owner")),
    fieldLine("due", fieldText(input.fields, "due")),
    fieldLine("priority", fieldText(input.fields, "priority")),
    "",
    input.text,
    "",
    "<sub>Edit the Owner, Due and Priority lines, or comment `/due 2026-03-01`, `/owner @alice` or `/priority high`: labels, assignee, reminders and the project board follow.</sub>",
    "",
  ].join("\n");
}

function parseField(field: FieldName, raw: string): { value: string | null } | null {
  const text = raw.trim();
  if (NOBODY.test(text)) return { value: null };
  if (field === "owner") {
    const handle = parseHandle(text.split(/\s+/)[0] ?? "");
    return handle && handle !== "me" && text.split(/\s+/).length === 1 ? { value: handle } : null;
  }
  if (field === "due") return isIsoDay(text) ? { value: text } : null;
  const priority = matchPriority(text);
  return priority ? { value: priority } : null;
}

/** Reads the body as people left it; the first line of each field counts. */
export function parseActionItemBody(body: string): ParsedBody {
  const fields: ActionItemFields = { owner: null, due: null, priority: null };
  const seen = new Set<FieldName>();
  const problems: FieldProblem[] = [];
  for (const line of body.split(/\r?\n/)) {
    const match = LINE.exec(line);
    const name = match?.[1]?.toLowerCase();
    if (!match || name === undefined || name === "incident") continue;
    const field = name as FieldName;
    if (seen.has(field)) continue;
    seen.add(field);
    const raw = match[2] ?? "";
    const parsed = parseField(field, raw);
    if (parsed) (fields as Record<FieldName, string | null>)[field] = parsed.value;
    else problems.push({ field, value: raw.slice(0, 80), expected: EXPECTED[field] });
  }
  return { fields, problems, meta: readMeta(body) };
}

function readMeta(body: string): ActionItemMeta | null {
  const found = readMarkers(body).find((m) => m.kind === "action-item");
  const incident = Number(found?.fields.incident);
  if (!found || !Number.isSafeInteger(incident) || incident < 1 || !found.fields.key) return null;
  return {
    incident,
    key: found.fields.key,
    ic: found.fields.ic ?? null,
    synced: found.fields.synced ?? null,
  };
}

/** The body with one field's line replaced (or added after the other field lines). */
export function withField(body: string, field: FieldName, fields: ActionItemFields): string {
  const lines = body.split("\n");
  const line = fieldLine(field, fieldText(fields, field));
  const index = lines.findIndex((text) => LINE.exec(text)?.[1]?.toLowerCase() === field);
  if (index >= 0) {
    lines[index] = line;
    return lines.join("\n");
  }
  let last = -1;
  lines.forEach((text, at) => {
    if (LINE.test(text) || /incident-app:action-item/.test(text)) last = at;
  });
  lines.splice(last + 1, 0, line);
  return lines.join("\n");
}

/** The body with the marker rewritten (e.g. a newer `synced`). */
export function withMeta(body: string, meta: ActionItemMeta): string {
  const next = metaMarker(meta);
  const replaced = body.replace(/<!--\s*incident-app:action-item\b[^>]*-->/, next);
  return replaced === body && !body.includes(next) ? `${next}\n${body}` : replaced;
}
