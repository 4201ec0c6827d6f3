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

function sequencesOn(day: string, incidents: readonly RecentIncident[], self: Self): number[] {
  return incidents.flatMap((incident) => {
    if (isSelf(incident, self)) return [];
    const id = idFromTitle(incident.title);
    const parsed = id ? parseId(id) : null;
    return parsed && parsed.day === day ? [parsed.sequence] : [];
  });
}

/**
 * The incident deciding: its number, and (organisation mode) its repository and creation
 * time. Incidents read from other repositories carry `repo`; the own repository's do not.
 */
export interface Self {
  number: number;
  repo?: string;
  createdAt?: string;
}

const isSelf = (incident: RecentIncident, self: Self) =>
  incident.number === self.number && (incident.repo ?? null) === null;

/** The next free id of the day, for a new declaration. */
export function nextId(declaredAt: Date, incidents: readonly RecentIncident[], self: number | Self): string {
  const me = typeof self === "number" ? { number: self } : self;
  const day = dayKey(declaredAt);
  return formatId(day, Math.max(0, ...sequencesOn(day, incidents, me)) + 1);
}

/** Who claimed first: the earlier issue, then repository and number, so both sides agree. */
function order(a: Self, b: Self): number {
  const at = (a.createdAt ?? "").localeCompare(b.createdAt ?? "");
  if (at !== 0) return at;
  const repo = (a.repo ?? "").localeCompare(b.repo ?? "");
  return repo !== 0 ? repo : a.number - b.number;
}

/**
 * After claiming `id`, another incident (in this repository or another of the
 * organisation) may have claimed the same one at the same moment. Whoever sees the clash
 * moves: of two racing claims the later writer always sees the earlier one (its check
 * reads after both writes), while the earlier writer may have checked before the other
 * claim existed, so "the later issue moves" could leave both keeping the id. When both
 * see it, both move, to distinct ids past the highest of the day, in the order of the
 * clashing issues (creation time, then repository and number), which both sides agree
 * on. Returns the id to keep (unchanged when no clash).
 */
export function resolveClash(id: string, self: number | Self, incidents: readonly RecentIncident[]): string {
  const me: Self = typeof self === "number" ? { number: self } : self;
  const parsed = parseId(id);
  if (!parsed) return id;
  const rivals = incidents.filter((other) => !isSelf(other, me) && idFromTitle(other.title) === id);
  if (rivals.length === 0) return id;
  const group = [me, ...rivals.map((rival) => ({ ...rival, repo: rival.repo ?? me.repo }))].sort(order);
  const highest = Math.max(parsed.sequence, ...sequencesOn(parsed.day, incidents, me));
  return formatId(parsed.day, highest + 1 + group.indexOf(me));
}
