import type { Config } from "../../config/schema.js";
import { type Clocks, clocks, type TargetState } from "../../kernel/clocks.js";
import { incidentLink, severityOf } from "./incident-facts.js";
import type {
  Breach,
  DurationStats,
  IncidentRecord,
  Phase,
  SeverityDurations,
  TargetPhase,
} from "./report-types.js";
import { PHASES } from "./report-types.js";
import { median, percentile, ratio } from "./statistics.js";

/**
 * Time to detect, acknowledge, mitigate and resolve per severity, measured by the
 * same `clocks()` the timeline shows, so the report and the incident never disagree.
 * A missing timestamp leaves the incident out of that one metric (`n` says how many
 * were measured); an incident still open has no resolve duration yet.
 */

const TARGET_PHASES: readonly TargetPhase[] = ["acknowledge", "mitigate", "resolve"];

interface Measured {
  record: IncidentRecord;
  clocks: Clocks;
}

function stats(measured: readonly Measured[], phase: Phase, target: number | null): DurationStats {
  const values = measured.flatMap((m) => {
    const value = m.clocks.durations[phase];
    return value === null ? [] : [value];
  });
  let met = 0;
  let breached = 0;
  if (phase !== "detect") {
    for (const m of measured) {
      const kind = m.clocks.targets[phase].kind;
      if (kind === "met") met += 1;
      else if (kind === "breached" || kind === "overdue") breached += 1;
    }
  }
  return {
    n: values.length,
    median: median(values),
    p90: percentile(values, 0.9),
    target: phase === "detect" ? null : target,
    met,
    breached,
    metShare: ratio(met, met + breached),
  };
}

function targetOf(config: Config, severity: string, phase: Phase): number | null {
  if (phase === "detect") return null;
  const found = config.severities.find((s) => s.name === severity);
  if (!found) return null;
  return phase === "acknowledge" ? found.ack : found[phase];
}

export function durationsBySeverity(
  records: readonly IncidentRecord[],
  severities: readonly string[],
  config: Config,
  now: Date,
): SeverityDurations[] {
  const measured = records.map((record) => ({ record, clocks: clocks(record.state, config, now) }));
  return severities.map((severity) => {
    const mine = measured.filter((m) => severityOf(m.record) === severity);
    const phases = Object.fromEntries(
      PHASES.map((phase) => [phase, stats(mine, phase, targetOf(config, severity, phase))]),
    ) as Record<Phase, DurationStats>;
    return { severity, incidents: mine.length, phases };
  });
}

function breachOf(record: IncidentRecord, phase: TargetPhase, target: TargetState): Breach | null {
  if (target.kind === "breached")
    return { ...incidentLink(record), phase, took: target.took, target: target.target, ongoing: false };
  if (target.kind === "overdue")
    return { ...incidentLink(record), phase, took: target.elapsed, target: target.target, ongoing: true };
  return null;
}

/** Every target missed (or still running past it), oldest incident first. */
export function slaBreaches(records: readonly IncidentRecord[], config: Config, now: Date): Breach[] {
  return records.flatMap((record) => {
    const { targets } = clocks(record.state, config, now);
    return TARGET_PHASES.flatMap((phase) => {
      const breach = breachOf(record, phase, targets[phase]);
      return breach ? [breach] : [];
    });
  });
}
