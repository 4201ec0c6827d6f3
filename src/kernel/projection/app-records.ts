import type { HistoryComment } from "../history.js";
import type { IncidentState } from "../incident-state.js";
import { trustedMarkers } from "../markers.js";
import type { ProjectionContext } from "./projection-context.js";
import { addEntry, changeSeverity } from "./state-changes.js";
import { timelineWords } from "./timeline-words.js";

/**
 * What the sweep did to an incident, read back from the app's own comments: each
 * escalation it sent and each automatic severity change. The comment is the record,
 * so the projection stays a function of the history alone.
 */
export function applyAppRecords(state: IncidentState, comment: HistoryComment, ctx: ProjectionContext): void {
  if (!state.declaration) return;
  for (const marker of trustedMarkers(comment, ctx.botLogin)) {
    if (marker.kind === "escalation") {
      const to = (marker.fields.notify ?? "").split(",").filter(Boolean);
      const who = to.map((handle) => `@${handle}`).join(", ");
      const { level } = marker.fields;
      // `pageAfter`: a notify nobody acknowledged becomes a page, to the same people.
      const urgent = level === "page";
      const text = urgent
        ? timelineWords.pagedAfter(marker.fields.after?.replace(/_/g, " ") ?? "", who)
        : timelineWords.escalatedAutomatically(level, who);
      const page = { key: urgent ? "page" : `escalation-${level ?? "1"}`, to, urgent };
      addEntry(state, "escalated", comment.at, null, text, { url: comment.url, page });
    }
    if (marker.kind === "auto-severity") {
      const { from, to, after } = marker.fields;
      if (!from || !to || state.severity !== from || state.resolution) continue;
      const reason = after ? `unresolved for ${after.replace(/_/g, " ")} at ${from}` : null;
      // No person made this change: an empty `by` shows as "app" on the timeline.
      changeSeverity(state, to, comment.at, "", "auto", reason, ctx.config, {
        url: comment.url,
        commentId: comment.databaseId,
      });
    }
  }
}
