import type { TopLevelSpec } from "vega-lite";
import { BASE_CONFIG, SCHEMA } from "./chart-specs.js";
import { PHASE_TITLES } from "./phase-titles.js";
import type { Phase, ReportData } from "./report-types.js";

/**
 * Median and p90 of one phase, one panel per severity, each in the unit that
 * reads best for its numbers: a SEV-1 in minutes, a SEV-4 in hours or days
 * (never "5,288 minutes"). The target is a dashed red line on its panel.
 */

export interface ChartUnit {
  name: "minutes" | "hours" | "days";
  ms: number;
  suffix: string;
}

const UNITS: readonly ChartUnit[] = [
  { name: "minutes", ms: 60_000, suffix: "min" },
  { name: "hours", ms: 3_600_000, suffix: "h" },
  { name: "days", ms: 86_400_000, suffix: "d" },
];

/** Minutes up to 2 hours, hours up to 3 days, days beyond. */
export function readableUnit(largestMs: number): ChartUnit {
  if (largestMs < 2 * 3_600_000) return UNITS[0] as ChartUnit;
  if (largestMs < 3 * 86_400_000) return UNITS[1] as ChartUnit;
  return UNITS[2] as ChartUnit;
}

const inUnit = (ms: number, unit: ChartUnit) => Math.round((ms / unit.ms) * 10) / 10;

export function durationSpec(data: ReportData, phase: Phase): TopLevelSpec {
  const { title, unitTitle } = PHASE_TITLES[phase];
  const rows = data.durations.filter((row) => row.incidents > 0);
  const panels = rows.map((row) => {
    const stats = row.phases[phase];
    const unit = readableUnit(Math.max(stats.median ?? 0, stats.p90 ?? 0, stats.target ?? 0));
    const bars = (
      [
        ["median", stats.median],
        ["p90", stats.p90],
      ] as const
    ).flatMap(([statistic, ms]) =>
      ms === null
        ? []
        : [{ kind: "bar", statistic, value: inUnit(ms, unit), label: `${inUnit(ms, unit)} ${unit.suffix}` }],
    );
    const target = stats.target === null ? [] : [{ kind: "target", value: inUnit(stats.target, unit) }];
    return { severity: row.severity, unit, values: [...bars, ...target] };
  });
  const hasTargets = panels.some((panel) => panel.values.some((value) => value.kind === "target"));
  const units = [...new Set(panels.map((panel) => panel.unit.name))].join(" or ");
  return {
    $schema: SCHEMA,
    title: {
      text: `${title}: median and p90 by severity`,
      subtitle: `${capitalise(units)}, per severity; ${hasTargets ? "dashed red line = target" : "no target"}`,
    },
    description: `${title} per severity in ${units}: median and 90th percentile${hasTargets ? ", with the target as a dashed line" : ""}.`,
    hconcat: panels.map((panel) => ({
      title: { text: panel.severity, anchor: "middle" as const, fontSize: 12 },
      width: 110,
      height: 200,
      data: { values: panel.values },
      layer: [
        {
          transform: [{ filter: "datum.kind === 'bar'" }],
          mark: { type: "bar" as const },
          encoding: {
            x: { field: "statistic", type: "nominal" as const, title: "Statistic", sort: ["median", "p90"] },
            y: {
              field: "value",
              type: "quantitative" as const,
              title: `${unitTitle} (${panel.unit.name})`,
            },
            color: {
              field: "statistic",
              type: "nominal" as const,
              scale: { domain: ["median", "p90"], range: ["#0969da", "#80ccff"] },
              legend: null,
            },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'bar'" }],
          mark: { type: "text" as const, dy: -6, fontSize: 10 },
          encoding: {
            x: { field: "statistic", type: "nominal" as const, sort: ["median", "p90"] },
            y: { field: "value", type: "quantitative" as const },
            text: { field: "label", type: "nominal" as const },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'target'" }],
          mark: { type: "rule" as const, color: "#cf222e", strokeDash: [6, 4], size: 2 },
          encoding: { y: { field: "value", type: "quantitative" as const } },
        },
      ],
    })),
    config: BASE_CONFIG,
  } as TopLevelSpec;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
