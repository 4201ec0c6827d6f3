/**
 * The words arguments are matched against: severities and statuses from the
 * configuration, priorities, roles and GitHub handles, each with the "expected"
 * text an error shows.
 */
import type { Handle, ParseContext, RoleName } from "./types.js";

type Severities = ParseContext["severities"];

/** `SEV-1`, `sev 1`, `Sev_1` and `sev1` are all the same word. */
const normalise = (word: string): string => word.toLowerCase().replace(/[\s_-]+/g, "");

/** The severity a word names (name or alias, any case or dashes, or its bare number). */
export function matchSeverity(word: string, severities: Severities): string | null {
  const wanted = normalise(word);
  if (wanted === "") return null;
  for (const severity of severities) {
    if ([severity.name, ...severity.aliases].some((name) => normalise(name) === wanted)) return severity.name;
  }
  if (/^\d+$/.test(wanted)) {
    const byNumber = severities.filter(
      (severity) => normalise(severity.name).match(/(\d+)$/)?.[1] === wanted,
    );
    if (byNumber.length === 1) return byNumber[0]?.name ?? null;
  }
  return null;
}

/** Whether a word looks meant as a severity (`SEV-9`, `P7`), so `/declare` can say it is wrong. */
export function looksLikeSeverity(word: string): boolean {
  return /^(sev[-_]?\d+|p\d)$/i.test(word);
}

/** `P0`, `P1`, `P2`, `P3` → `P0–P3`; other alias columns are joined with `/`. */
function describeColumn(words: readonly string[]): string {
  const numbered = words.map((word) => /^([A-Za-z]*)(\d+)$/.exec(word));
  const prefix = numbered[0]?.[1];
  const consecutive = numbered.every(
    (match, index) =>
      match !== null && match[1] === prefix && Number(match[2]) === Number(numbered[0]?.[2]) + index,
  );
  return consecutive && words.length > 2 ? `${words[0]}–${words[words.length - 1]}` : words.join("/");
}

/** `one of SEV-1, SEV-2, SEV-3, SEV-4 (or P0–P3, critical/high/medium/low)`. */
export function describeSeverities(severities: Severities): string {
  const names = severities.map((severity) => severity.name).join(", ");
  const columns: string[] = [];
  const width = Math.max(0, ...severities.map((severity) => severity.aliases.length));
  for (let index = 0; index < width; index += 1) {
    const column = severities.map((severity) => severity.aliases[index]);
    const words = column.filter((word): word is string => word !== undefined);
    // Aliases that only respell the name (`sev1` for `SEV-1`) go without saying.
    if (words.every((word, row) => normalise(word) === normalise(severities[row]?.name ?? ""))) continue;
    columns.push(words.length === column.length ? describeColumn(words) : words.join(", "));
  }
  return columns.length === 0 ? `one of ${names}` : `one of ${names} (or ${columns.join(", ")})`;
}

/** The status a word names: its name, or a prefix of exactly one name, any case. */
export function matchStatus(word: string, statuses: readonly string[]): string | null {
  const wanted = word.toLowerCase().replace(/^status:\s*/, "");
  if (wanted === "") return null;
  const exact = statuses.find((status) => status.toLowerCase() === wanted);
  if (exact !== undefined) return exact;
  const prefixed = statuses.filter((status) => status.toLowerCase().startsWith(wanted));
  return prefixed.length === 1 ? (prefixed[0] ?? null) : null;
}

export function describeStatuses(statuses: readonly string[]): string {
  return `one of ${statuses.join(", ")} (a unique prefix is enough)`;
}

export type Priority = "high" | "medium" | "low";

export const PRIORITY_EXPECTED = "`high`, `medium` or `low` (or `p1`, `p2`, `p3`)";

export function matchPriority(word: string): Priority | null {
  switch (word.toLowerCase()) {
    case "high":
    case "p1":
      return "high";
    case "medium":
    case "p2":
      return "medium";
    case "low":
    case "p3":
      return "low";
    default:
      return null;
  }
}

export const ROLES: readonly RoleName[] = ["ic", "lead", "comms", "scribe", "sme"];

export const ROLE_EXPECTED = "one of `ic`, `lead`, `comms`, `scribe`, `sme`";

export function matchRole(word: string): RoleName | null {
  return ROLES.find((role) => role === word.toLowerCase()) ?? null;
}

export const HANDLE_EXPECTED = "`@alice`, `@org/team`, or `me` for yourself";

const HANDLE = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?(?:\/[A-Za-z0-9._-]{1,100})?)$/;

/**
 * A GitHub user or team (`@alice`, `alice`, `@org/team`), without the `@`.
 * `me` and `@me` stand for the comment's author and come back as `me`: the
 * caller, which knows the author, substitutes it. Trailing `.,;:!?` is dropped.
 */
export function parseHandle(word: string): Handle | null {
  const trimmed = word.replace(/[.,;:!?]+$/, "");
  if (/^@?me$/i.test(trimmed)) return "me";
  return HANDLE.exec(trimmed)?.[1] ?? null;
}
