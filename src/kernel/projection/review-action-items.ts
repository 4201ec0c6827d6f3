import type { Config } from "../../config/schema.js";
import type { IssueHistory, MergedReviewFact, PullFact } from "../history.js";
import type { ActionRequest, IncidentState } from "../incident-state.js";
import { parsePirActionTable } from "../pir-action-table.js";
import { withDefaults } from "./action-request.js";

/**
 * The merged review's action-items table (§7, §8), row by row. Each valid row not
 * tracked yet becomes an action request like `/action` (same defaults, creation, board
 * and reminders), keyed by the pull request and the row: the file is read as merged,
 * at the merge commit, so a key never moves. A row is tracked already when its Action
 * or Status cell links an issue, or when its text is that of an action item (or of a
 * pending `/action`) of the incident. `Done` rows need nothing. Malformed rows are
 * told once on the pull request.
 */
export type ReviewRow =
  | { kind: "new"; row: number; text: string; request: ActionRequest }
  | { kind: "tracked"; row: number; text: string; issue: number | null }
  | { kind: "done"; row: number; text: string }
  | { kind: "malformed"; row: number; text: string; errors: string[] };

export interface MergedReview {
  pull: PullFact;
  /** False when the merged file has no action-items table. */
  found: boolean;
  rows: ReviewRow[];
  comments: MergedReviewFact["comments"];
}

/**
 * A merged table makes at most this many items: each costs two content-creating requests
 * (the issue, the note), and GitHub allows about 80 a minute.
 */
export const MAX_REVIEW_ITEMS = 20;

export function reviewKey(pull: number, row: number): string {
  return `pir${pull}-r${row}`;
}

/** Merged reviews of the incident, oldest merge first. */
export function mergedReviews(state: IncidentState, history: IssueHistory, config: Config): MergedReview[] {
  if (!state.declaration) return [];
  const created = new Set(state.actionItems.map((item) => item.key));
  const known = knownTexts(state);
  const merged = history.code.mergedReviews
    .flatMap((fact) => {
      const pull = history.code.pirPulls.find((p) => p.number === fact.number);
      return pull?.mergedAt && fact.file !== null ? [{ fact, pull, mergedAt: pull.mergedAt }] : [];
    })
    .sort((a, b) => a.mergedAt.getTime() - b.mergedAt.getTime() || a.pull.number - b.pull.number);
  return merged.map(({ fact, pull, mergedAt }) => {
    const table = parsePirActionTable(fact.file ?? "");
    // Who merged the review stands for who asked: the default owner, the timeline's "By".
    const merger = pull.mergedBy?.kind === "User" ? pull.mergedBy.login : (state.roles.ic?.[0] ?? null);
    let made = 0;
    const rows = table.rows.map((result): ReviewRow => {
      if (!result.ok) return { kind: "malformed", row: result.row, text: result.text, errors: result.errors };
      const { item } = result;
      const key = reviewKey(pull.number, item.row);
      const base = { row: item.row, text: item.text };
      if (!created.has(key)) {
        if (item.tracked !== null) return { kind: "tracked", ...base, issue: item.tracked };
        if (item.done) return { kind: "done", ...base };
        const same = sameText(known, item.text);
        if (same !== undefined) return { kind: "tracked", ...base, issue: same };
      }
      made += 1;
      if (made > MAX_REVIEW_ITEMS)
        return {
          kind: "malformed",
          ...base,
          errors: [`the table has more than ${MAX_REVIEW_ITEMS} new rows`],
        };
      known.set(normalText(item.text), null);
      const fields = withDefaults(item, { by: merger, at: mergedAt }, state, config);
      const request: ActionRequest = {
        key,
        text: item.text,
        ...fields,
        by: merger ?? "ghost",
        at: mergedAt,
        url: pull.url,
        review: { pull: pull.number, row: item.row },
      };
      return { kind: "new", ...base, request };
    });
    return { pull, found: table.found, rows, comments: fact.comments };
  });
}

/** The action requests the merged reviews' rows make. */
export function reviewRequests(reviews: readonly MergedReview[]): ActionRequest[] {
  return reviews.flatMap((review) => review.rows.flatMap((row) => (row.kind === "new" ? [row.request] : [])));
}

/** Texts of the incident's items and `/action`s (not of review rows: those are keyed), with their issue. */
function knownTexts(state: IncidentState): Map<string, number | null> {
  const known = new Map<string, number | null>();
  for (const request of state.actionRequests) if (!request.review) known.set(normalText(request.text), null);
  for (const item of state.actionItems) {
    const request = state.actionRequests.find((r) => r.key === item.key);
    for (const text of [item.title, request?.text ?? ""]) if (text) known.set(normalText(text), item.number);
  }
  return known;
}

/** The issue (or null: a pending `/action`) whose text the row repeats; undefined when none. */
function sameText(known: ReadonlyMap<string, number | null>, text: string): number | null | undefined {
  const normal = normalText(text);
  if (known.has(normal)) return known.get(normal);
  // The app writes long texts cut short with "…" into the review.
  if (!normal.endsWith("…")) return undefined;
  const start = normal.slice(0, -1).trimEnd();
  for (const [other, issue] of known) if (start.length >= 20 && other.startsWith(start)) return issue;
  return undefined;
}

/** Text as the app's own rendering and people's formatting leave it: compared loosely. */
export function normalText(text: string): string {
  return text
    .replace(/\u200b/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s*\(#\d+\)\s*$/, "")
    .replace(/[`*_~]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
