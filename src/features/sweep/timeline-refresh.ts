import { findCommandLines } from "../../commands/command-lines.js";
import type { Config } from "../../config/schema.js";
import { appArtifacts } from "../../kernel/app-artifacts.js";
import { type Clocks, clocks } from "../../kernel/clocks.js";
import type { IssueHistory } from "../../kernel/history.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import { isApp } from "../../kernel/markers.js";
import { vocabulary } from "../../kernel/projection/state-changes.js";

/**
 * Which incidents the sweep should converge like an event would (§2.2, issue 19),
 * decided from the sweep's own read, with no write and no extra read for the others:
 *
 * - `clocks`: a clock the timeline shows changed state since the timeline comment was
 *   last written (a target went from running to breached, the next update became
 *   overdue). The clocks are computed twice from the same state: as of the comment's
 *   last edit and as of now. Only the state counts, never "3m left": one write per change.
 * - `missed`: something the app answers happened after that edit and is older than
 *   `graceMs` (its own webhook had its chance): a command no reaction of the app
 *   acknowledges, or a person changing the incident's labels or closing/reopening it.
 *
 * The caller then reads the incident as an event does and converges it (under the
 * issue's turn); converging writes only what differs.
 */
export type RefreshReason = "clocks" | "missed";

export const MISSED_GRACE_MS = 2 * 60_000;

function clockState(c: Clocks): string {
  const { acknowledge, mitigate, resolve } = c.targets;
  return [acknowledge.kind, mitigate.kind, resolve.kind, c.updateOverdue].join(",");
}

export function timelineRefresh(
  history: IssueHistory,
  state: IncidentState,
  config: Config,
  botLogin: string,
  now: Date,
  graceMs = MISSED_GRACE_MS,
): RefreshReason | null {
  if (!state.declaration) return null;
  const settled = now.getTime() - graceMs;
  const [timeline] = appArtifacts(history, botLogin).timelines;
  if (!timeline) return state.declaration.at.getTime() < settled ? "missed" : null;
  const written = timeline.editedAt ?? timeline.at;
  if (clockState(clocks(state, config, written)) !== clockState(clocks(state, config, now))) return "clocks";

  const words = vocabulary(config);
  const tracked = (label: string) =>
    label === config.labels.incident || words.severityByLabel.has(label) || words.statusByLabel.has(label);
  const allowed = new Set<string>(config.permissions.commands);
  for (const item of history.items) {
    const at = item.at.getTime();
    if (at <= written.getTime() || at > settled) continue;
    if (item.type === "comment") {
      if (isApp(item.author, botLogin) || !allowed.has(item.association)) continue;
      if (item.appReactions.length === 0 && findCommandLines(item.body).length > 0) return "missed";
    } else if (!isApp(item.actor, botLogin)) {
      if ((item.type === "labeled" || item.type === "unlabeled") && tracked(item.label)) return "missed";
      if (item.type === "closed" || item.type === "reopened") return "missed";
    }
  }
  return null;
}
