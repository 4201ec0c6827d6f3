import type { ReviewRow } from "../../kernel/projection/review-action-items.js";
import { fitComment } from "../../render/fit-comment.js";
import { inline, neutralise } from "../../render/markdown.js";

/**
 * The app's comment on a merged review pull request: which rows of its action-items
 * table became action items, which were tracked already, and, row by row, what is
 * wrong with those it could not use and how to track them now.
 */
export interface ReviewItemsInput {
  marker: string;
  incident: { id: string; url: string };
  rows: readonly ReviewRow[];
  /** The issue a new row became. */
  issueOf: (row: Extract<ReviewRow, { kind: "new" }>) => number;
}

// Without people's backticks, the only code spans are the app's own (see `problems`).
const quote = (text: string) => `“${inline(text.replace(/`/g, "'"), 80) || "empty"}”`;

/** The parser's words quote cells; code spans (`@alice`) cannot mention or open HTML, so they stay as they are. */
function problems(errors: readonly string[]): string {
  const text = errors.join("; ").replace(/\s+/g, " ").slice(0, 600);
  return text
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : neutralise(part)))
    .join("");
}

export function reviewItemsMessage(input: ReviewItemsInput): string {
  const { rows, incident } = input;
  const sections: string[][] = [
    [input.marker, `📌 **Action items from this review** of [${incident.id}](${incident.url})`],
  ];
  const created = rows.flatMap((row) => {
    if (row.kind !== "new") return [];
    const { due, priority } = row.request;
    return [
      `- Row ${row.row} ${quote(row.text)} → #${input.issueOf(row)} · due ${due ?? "none"} · ${priority}`,
    ];
  });
  const tracked = rows.flatMap((row) =>
    row.kind !== "tracked"
      ? []
      : [row.issue === null ? `row ${row.row} (by \`/action\`)` : `row ${row.row} (#${row.issue})`],
  );
  const done = rows.flatMap((row) => (row.kind === "done" ? [`row ${row.row}`] : []));
  const others = [
    ...(tracked.length ? [`Already tracked: ${tracked.join(", ")}.`] : []),
    ...(done.length ? [`Marked done, nothing to track: ${done.join(", ")}.`] : []),
  ];
  const malformed = rows.flatMap((row) =>
    row.kind === "malformed" ? [`- Row ${row.row} ${quote(row.text)}: ${problems(row.errors)}.`] : [],
  );
  if (created.length) sections.push(created);
  if (others.length) sections.push(others);
  if (malformed.length) {
    const one = malformed.length === 1;
    sections.push(
      [`⚠️ ${one ? "One row was" : `${malformed.length} rows were`} not turned into an action item:`],
      malformed,
      [
        `The review is merged, so editing its table changes nothing now: track ${one ? "it" : "them"} with \`/action <text> @owner due:YYYY-MM-DD priority:medium\` on [the incident](${incident.url}).`,
      ],
    );
  }
  return fitComment(`${sections.map((lines) => lines.join("\n")).join("\n\n")}\n`);
}
