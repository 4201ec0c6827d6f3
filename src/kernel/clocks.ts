import type { Config } from "../config/schema.js";
import { addDeadline } from "./business-days.js";
import type { IncidentState } from "./incident-state.js";
import { severityConfig } from "./projection/state-changes.js";

/**
 * The clocks of §6 as pure functions of the state and `now`: each duration uses the
 * right pair of times, each target is met, breached or still running, and after
 * resolution nothing keeps growing.
 */

export type TargetState =
  | { kind: "none" }
  | { kind: "waiting" }
  | { kind: "met"; took: number; target: number }
  | { kind: "breached"; took: number; target: number }
  | { kind: "running"; elapsed: number; left: number; target: number }
  | { kind: "overdue"; elapsed: number; over: number; target: number }
  | { kind: "not-recorded"; target: number };

export interface Clocks {
  /** Detection defaults to declaration when nobody said otherwise. */
  detected: Date | null;
  durations: {
    detect: number | null;
    acknowledge: number | null;
    ic: number | null;
    mitigate: number | null;
    resolve: number | null;
  };
  targets: { acknowledge: TargetState; mitigate: TargetState; resolve: TargetState; ic: TargetState };
  nextUpdateDue: Date | null;
  updateOverdue: boolean;
  pirDue: Date | null;
}

function between(from: Date | null, to: Date | null): number | null {
  return from && to ? to.getTime() - from.getTime() : null;
}

function target(
  limit: number | null,
  from: Date | null,
  to: Date | null,
  resolved: boolean,
  now: Date,
): TargetState {
  if (limit === null) return { kind: "none" };
  if (!from) return resolved ? { kind: "not-recorded", target: limit } : { kind: "waiting" };
  if (to) {
    const took = to.getTime() - from.getTime();
    return took <= limit ? { kind: "met", took, target: limit } : { kind: "breached", took, target: limit };
  }
  if (resolved) return { kind: "not-recorded", target: limit };
  const elapsed = Math.max(0, now.getTime() - from.getTime());
  return elapsed <= limit
    ? { kind: "running", elapsed, left: limit - elapsed, target: limit }
    : { kind: "overdue", elapsed, over: elapsed - limit, target: limit };
}

export function clocks(state: IncidentState, config: Config, now: Date): Clocks {
  const { times } = state;
  const severity = severityConfig(config, state.severity);
  const detected = times.detected ?? times.declared;
  const resolved = times.resolved !== null;
  const mitigateFrom = times.acknowledged ?? (times.mitigated ? detected : null);
  const lastUpdate = state.updates.at(-1)?.at ?? times.declared;
  const nextUpdateDue =
    !resolved && state.declaration && severity?.updateEvery && lastUpdate
      ? new Date(lastUpdate.getTime() + severity.updateEvery)
      : null;
  return {
    detected,
    durations: {
      detect: between(times.started, detected),
      acknowledge: between(detected, times.acknowledged),
      ic: between(detected, times.icEngaged),
      mitigate: between(mitigateFrom, times.mitigated),
      resolve: between(detected, times.resolved),
    },
    targets: {
      acknowledge: target(severity?.ack ?? null, detected, times.acknowledged, resolved, now),
      mitigate: target(severity?.mitigate ?? null, mitigateFrom, times.mitigated, resolved, now),
      resolve: target(severity?.resolve ?? null, detected, times.resolved, resolved, now),
      ic: target(severity?.icWithin ?? null, detected, times.icEngaged, resolved, now),
    },
    nextUpdateDue,
    updateOverdue: nextUpdateDue !== null && now.getTime() > nextUpdateDue.getTime(),
    pirDue: times.resolved && severity?.pirDue ? addDeadline(times.resolved, severity.pirDue, config) : null,
  };
}
