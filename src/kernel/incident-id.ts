import type { RecentIncident } from "./history.js";

/**
 * Incident ids: `INC-YYYYMMDD-NNN`, the UTC day of declaration and the order of
 * declaration that day. GitHub has no counter to increment, so an id is claimed in
 * the issue title and verified by reading the day's incidents back (see `resolveClash`).
 */

const ID = /\bINC-(\d{8})-(\d{3,})\b/;
const TITLE_PREFIX = /^\s*\[INC-\d{8}-\d{3,}\]\s*/;

export function dayKey(at: Date): string {
  return at.toISOString().slice(0, 10).replaceAll("-", "");
}

export function formatId(day: string, sequence: number): string {
  return `INC-${day}-${String(sequence).padStart(3, "0")}`;
}

export function parseId(text: string): { id: string; day: string; sequence: number } | null {
  const match = ID.exec(text);
  if (!match) return null;
  return { id: match[0], day: match[1] as string, sequence: Number(match[2]) };
}

/** The id claimed by a title, only when it is the `[INC-…]` prefix the app writes. */
export function idFromTitle(title: string): string | null {
  const prefix = TITLE_PREFIX.exec(title);
  return prefix ? (parseId(prefix[0])?.id ?? null) : null;
}

/** GitHub refuses issue titles over 256 characters. */
export const TITLE_LIMIT = 256;

/** The title with the id prefix, clipped (with `…`) so the prefix never pushes it over GitHub's limit. */
export function withIdPrefix(title: string, id: string): string {
  const prefixed = `[${id}] ${title.replace(TITLE_PREFIX, "")}`;
  if (prefixed.length <= TITLE_LIMIT) return prefixed;
  const chars = Array.from(prefixed);
  while (chars.join("").length > TITLE_LIMIT - 1) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

export function slug(id: string): string {
  return id.toLowerCase();
}

/** Start of the UTC day of `at`, for reading the day's incidents. */
export function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

function sequencesOn(day: string, incidents: readonly RecentIncident[], except: number): number[] {
  return incidents.flatMap((incident) => {
    if (incident.number === except) return [];
    const id = idFromTitle(incident.title);
    const parsed = id ? parseId(id) : null;
    return parsed && parsed.day === day ? [parsed.sequence] : [];
  });
}

/** The next free id of the day, for a new declaration. */
export function nextId(declaredAt: Date, incidents: readonly RecentIncident[], self: number): string {
  const day = dayKey(declaredAt);
  return formatId(day, Math.max(0, ...sequencesOn(day, incidents, self)) + 1);
}

/**
 * After claiming `id`, another incident may have claimed the same one at the same
 * moment. The one who sees the clash moves; when both see it, both move to distinct
 * ids ordered by issue number. Returns the id to keep (unchanged when no clash).
 */
export function resolveClash(id: string, self: number, incidents: readonly RecentIncident[]): string {
  const parsed = parseId(id);
  if (!parsed) return id;
  const rivals = incidents.filter((other) => other.number !== self && idFromTitle(other.title) === id);
  if (rivals.length === 0) return id;
  const group = [self, ...rivals.map((rival) => rival.number)].sort((a, b) => a - b);
  const highest = Math.max(parsed.sequence, ...sequencesOn(parsed.day, incidents, self));
  return formatId(parsed.day, highest + 1 + group.indexOf(self));
}
