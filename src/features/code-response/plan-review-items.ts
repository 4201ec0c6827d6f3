import { isApp, marker, readMarkers } from "../../kernel/markers.js";
import { mergedReviews } from "../../kernel/projection/review-action-items.js";
import { type CodeContext, claim, failure } from "./code-context.js";
import { codeWords } from "./code-words.js";
import { reviewItemsMessage } from "./review-items-message.js";

/**
 * One comment on each merged review pull request whose action-items table gave new
 * items or had rows the app could not use: the issues its rows became and what is
 * wrong with the others. Its marker, read back with the pull request's comments, makes
 * it once; a refusal is told on the incident, once.
 */
export function planReviewItems(ctx: CodeContext): void {
  const { state, history, config, botLogin, id } = ctx;
  if (!id) return;
  const numbers = new Map(state.actionItems.map((item) => [item.key, item.number]));
  for (const review of mergedReviews(state, history, config)) {
    const { pull, rows } = review;
    if (!review.found || !rows.some((row) => row.kind === "new" || row.kind === "malformed")) continue;
    // Once every new row's issue exists (the round after creating them, with the timeline's write).
    if (rows.some((row) => row.kind === "new" && !numbers.has(row.request.key))) continue;
    const key = `pir-items:${pull.number}`;
    const posted = review.comments.some(
      (comment) =>
        isApp(comment.author, botLogin) &&
        readMarkers(comment.body).some((m) => m.kind === "pir-items" && m.fields.pr === String(pull.number)),
    );
    if (posted || ctx.artifacts.replies.has(key)) continue;
    claim(ctx, key);
    ctx.plan.push({
      kind: "comment-on-pull",
      pr: pull.number,
      body: reviewItemsMessage({
        marker: marker("pir-items", { issue: history.issue.number, pr: pull.number }),
        incident: { id, url: history.issue.url },
        rows,
        issueOf: (row) => numbers.get(row.request.key) ?? 0,
      }),
      failure: failure(key, codeWords.reviewItemsFailed(pull.number)),
    });
  }
}
