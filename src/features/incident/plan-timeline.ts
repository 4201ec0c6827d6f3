import type { AppArtifacts } from "../../kernel/app-artifacts.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import type { Plan } from "../../kernel/plan.js";
import { timelineMarker } from "./timeline-view.js";

/**
 * The timeline comment's writes: one comment, duplicates from racing handlers removed,
 * rewritten only when its marker (the hash of what it shows) changed or `/timeline`
 * asked. Returns whether this plan writes it (chat notices ride on that write).
 */
export function planTimeline(
  state: IncidentState,
  artifacts: AppArtifacts,
  plan: Plan,
  timeline: { body: string },
): boolean {
  const [current, ...others] = artifacts.timelines;
  for (const duplicate of others)
    plan.push({ kind: "delete-comment", purpose: "timeline", commentId: duplicate.id });
  // A pull request or action item created now shows on the timeline next round:
  // write the timeline once, then.
  const createsNow =
    current &&
    plan.some(
      (write) =>
        write.kind === "revert-pull" || write.kind === "create-pull" || write.kind === "create-issue",
    );
  if (!current) plan.push({ kind: "add-comment", purpose: "timeline", body: timeline.body });
  else if (
    !createsNow &&
    (timelineMarker(current.body) !== timelineMarker(timeline.body) ||
      (rebuildRequested(state) && current.body !== timeline.body))
  )
    plan.push({ kind: "update-comment", purpose: "timeline", commentId: current.id, body: timeline.body });
  return plan.some(
    (write) =>
      (write.kind === "add-comment" || write.kind === "update-comment") && write.purpose === "timeline",
  );
}

/** A new `/timeline` compares the whole body, in case someone edited the app's comment by hand. */
function rebuildRequested(state: IncidentState): boolean {
  return state.acknowledgements.some(
    (ack) =>
      ack.kind === "accepted" &&
      ack.command.kind === "timeline" &&
      !ack.comment.appReactions.includes("EYES"),
  );
}
