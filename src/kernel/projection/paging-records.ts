import type { HistoryComment } from "../history.js";
import type { IncidentState } from "../incident-state.js";
import { trustedMarkers } from "../markers.js";
import type { ProjectionContext } from "./projection-context.js";
import { addEntry, resolve } from "./state-changes.js";
import { timelineWords } from "./timeline-words.js";

/**
 * What came back from the paging service (§14), recorded by the app as a comment with
 * a `page-back` marker: an acknowledgement or resolution made there, by the GitHub
 * login the config maps the person to, or by their name there when unmapped (never a
 * guessed login). It counts as done by that person, at the moment it was recorded.
 */
export function applyPagingComment(
  state: IncidentState,
  comment: HistoryComment,
  ctx: ProjectionContext,
): void {
  if (!state.declaration) return;
  for (const found of trustedMarkers(comment, ctx.botLogin)) {
    if (found.kind !== "page-back") continue;
    const login = found.fields.login || null;
    const who = login
      ? `@${login}`
      : `${decode(found.fields.name) ?? "someone"} (${found.fields.service ?? "paging"})`;
    const source = { url: comment.url, origin: "paging" as const };
    if (found.fields.what === "acknowledged" && !state.times.acknowledged && !state.resolution) {
      state.times.acknowledged = comment.at;
      state.acknowledgedBy = login ?? "";
      addEntry(state, "ack", comment.at, login ?? "", timelineWords.pagedBack("Acknowledged", who), source);
    }
    if (found.fields.what === "resolved" && !state.resolution) {
      resolve(state, comment.at, login ?? "", "paging", null, ctx.config, {
        url: comment.url,
        commentId: null,
      });
      const entry = state.entries.at(-1);
      if (entry?.kind === "resolved") {
        entry.text = timelineWords.pagedBack("Resolved", who);
        entry.origin = "paging";
      }
    }
  }
}

function decode(text: string | undefined): string | null {
  if (!text) return null;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
