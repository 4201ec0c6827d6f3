import type { Config } from "../../config/schema.js";
import { durationsBySeverity, slaBreaches } from "./duration-metrics.js";
import { actionItemStats, pirStats } from "./follow-up-metrics.js";
import { declaredAt, incidentLink, isDrill, isFalsePositive, severityOf } from "./incident-facts.js";
import { mtbfByService } from "./mtbf.js";
import { reportTargets } from "./report-targets.js";
import type { IncidentRecord, MonthCounts, ReportData, ReportInput, ReportWindow } from "./report-types.js";
import { inWindow, monthKey, monthsOf } from "./report-window.js";
import { ratio } from "./statistics.js";

/**
 * `computeReport(input, config, now, window) -> ReportData`: every number of the
 * report, pure. An incident belongs to the window by its declaration time; it is
 * filed under its current (final) severity. False positives are counted apart and
 * left out of every other metric; issues never declared are left out entirely.
 */
export function computeReport(
  input: ReportInput,
  config: Config,
  now: Date,
  window: ReportWindow,
): ReportData {
  const declared = input.incidents.filter((record) => declaredAt(record) !== null);
  const inPeriod = declared.filter((record) => inWindow(declaredAt(record) as Date, window));
  inPeriod.sort((a, b) => (declaredAt(a) as Date).getTime() - (declaredAt(b) as Date).getTime());
  const drills = inPeriod.filter(isDrill);
  const exercised = inPeriod.filter((record) => !isDrill(record));
  const falsePositives = exercised.filter(isFalsePositive);
  const real = exercised.filter((record) => !isFalsePositive(record));
  const severities = severityOrder(config, real);
  const months = monthCounts(real, falsePositives, severities, window);
  const falsePositiveRate = ratio(falsePositives.length, exercised.length);
  const detectDurations = real.flatMap((record) => {
    const { started, detected, declared } = record.state.times;
    const found = detected ?? declared;
    return started && found ? [found.getTime() - started.getTime()] : [];
  });

  return {
    window,
    generatedAt: now,
    repos: [...new Set(input.incidents.map((record) => record.repo))].sort(),
    severities,
    severityColors: Object.fromEntries(config.severities.map((s) => [s.name, `#${s.color}`])),
    totals: {
      incidents: real.length,
      open: real.filter((record) => record.state.open).length,
      falsePositives: falsePositives.length,
      drills: drills.length,
      undeclared: input.incidents.length - declared.length,
    },
    months,
    durations: durationsBySeverity(real, severities, config, now),
    mtbf: mtbfByService(real),
    breaches: slaBreaches(real, config, now),
    falsePositives: {
      count: falsePositives.length,
      rate: falsePositiveRate,
      incidents: falsePositives.map(incidentLink),
    },
    drills: drills.map(incidentLink),
    pirs: input.pirs ? pirStats(input.pirs, window, now) : null,
    actionItems: input.actionItems ? actionItemStats(input.actionItems, window, now) : null,
    targets: reportTargets(config, months, detectDurations, falsePositiveRate),
  };
}

/** Config order (most severe first), then severities the config no longer knows. */
function severityOrder(config: Config, records: readonly IncidentRecord[]): string[] {
  const known = config.severities.map((severity) => severity.name);
  const extra = [...new Set(records.map(severityOf))].filter((name) => !known.includes(name)).sort();
  return [...known, ...extra];
}

function monthCounts(
  real: readonly IncidentRecord[],
  falsePositives: readonly IncidentRecord[],
  severities: readonly string[],
  window: ReportWindow,
): MonthCounts[] {
  return monthsOf(window).map(({ month }) => {
    const mine = real.filter((record) => monthKey(declaredAt(record) as Date) === month);
    const bySeverity = Object.fromEntries(
      severities.map((severity) => [
        severity,
        mine.filter((record) => severityOf(record) === severity).length,
      ]),
    );
    return {
      month,
      bySeverity,
      total: mine.length,
      falsePositives: falsePositives.filter((record) => monthKey(declaredAt(record) as Date) === month)
        .length,
    };
  });
}
