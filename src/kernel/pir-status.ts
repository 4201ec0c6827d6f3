import type { IssueHistory } from "./history.js";
import { trustedMarkers } from "./markers.js";
import { pirBranch } from "./names.js";

/**
 * When the incident's post-incident review was merged, from its history alone: the
 * app's own record (a comment with a `pir-merged` marker, written when it sees the
 * PIR pull request merge), or a merged pull request that mentions the incident from
 * the PIR branch `pir/<incident id>` (§3), whoever opened it. Null: not merged yet,
 * and PIR reminders continue.
 */
export function pirMergedAt(history: IssueHistory, botLogin: string, incidentId: string | null): Date | null {
  const branch = incidentId ? pirBranch(incidentId) : null;
  let merged: Date | null = null;
  const earliest = (at: Date) => {
    if (merged === null || at < merged) merged = at;
  };
  for (const item of history.items) {
    if (item.type === "comment") {
      if (trustedMarkers(item, botLogin).some((marker) => marker.kind === "pir-merged")) earliest(item.at);
    } else if (item.type === "cross-referenced") {
      const { source } = item;
      if (
        source.kind === "PullRequest" &&
        source.mergedAt &&
        branch &&
        source.headRef?.toLowerCase() === branch
      )
        earliest(source.mergedAt);
    }
  }
  return merged;
}
