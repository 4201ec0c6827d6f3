import type { Config } from "../../config/schema.js";
import type { IncidentState } from "../incident-state.js";
import { addEntry, severityConfig, vocabulary } from "./state-changes.js";
import { timelineWords } from "./timeline-words.js";

/**
 * The merge freeze follows the incident: on while it is open and its severity freezes
 * merges (`severities[].freeze`), unless someone turned it on or off by hand
 * (`/freeze on|off`, or the freeze label); resolving lifts it. Called after every
 * history item, it adds a timeline row whenever the freeze changes.
 */
export function shouldFreeze(state: IncidentState, config: Config): boolean {
  if (!state.declaration || state.status === vocabulary(config).resolved) return false;
  return state.freeze.override ?? severityConfig(config, state.severity)?.freeze ?? false;
}

export function syncFreeze(
  state: IncidentState,
  config: Config,
  at: Date,
  by: string | null,
  source: { url: string | null; commentId: number | null } = { url: null, commentId: null },
): void {
  const active = shouldFreeze(state, config);
  if (active === state.freeze.active) return;
  state.freeze.active = active;
  const resolved = state.status === vocabulary(config).resolved;
  const why = timelineWords.freezeWhy;
  const reason = active
    ? state.freeze.override
      ? why.byHand
      : why.severityFreezes(state.severity)
    : resolved
      ? why.resolved
      : state.freeze.override === false
        ? why.liftedByHand
        : why.severityDoesNot(state.severity);
  addEntry(state, "freeze", at, by, timelineWords.freeze(active, reason), source);
}
