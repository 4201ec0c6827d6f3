import type { TopLevelSpec } from "vega-lite";
import { PHASE_TITLES } from "./phase-titles.js";
import type { Phase, ReportData } from "./report-types.js";

/**
 * Vega-Lite specs of the report's charts, pure data built from `ReportData`.
 * Every chart has a title, axis titles with units, flat labels and a description
 * (the SVG's accessible label); the Markdown gives the same numbers as tables.
 */

const MINUTE_MS = 60_000;
const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
const BASE_CONFIG = {
  axis: { labelAngle: 0, labelFontSize: 11, titleFontSize: 12 },
  header: { labelFontSize: 12 },
  title: { fontSize: 14, anchor: "start" as const },
  view: { stroke: "#d0d7de" },
};

/** Whole-number ticks (steps of 1, 2, 5, 10, 20, …) up to a top that is itself a tick. */
export function countTicks(max: number): { max: number; values: number[] } {
  let step = 1;
  for (let k = 1; max / step > 8; k += 1) step = [1, 2, 5][k % 3]! * 10 ** Math.floor(k / 3);
  const top = Math.ceil(max / step) * step;
  return { max: top, values: Array.from({ length: top / step + 1 }, (_, i) => i * step) };
}

const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / MINUTE_MS) * 10) / 10);

/** Incidents per month, stacked by severity in the config's colours. */
export function monthlySpec(data: ReportData): TopLevelSpec {
  const values = data.months.flatMap((month) =>
    data.severities.map((severity, order) => ({
      month: month.month,
      severity,
      order,
      count: month.bySeverity[severity] ?? 0,
    })),
  );
  const countAxis = countTicks(Math.max(1, ...data.months.map((month) => month.total)));
  return {
    $schema: SCHEMA,
    title: "Incidents per month by severity",
    description: `Stacked bars: number of incidents declared each month (UTC), by current severity, ${data.months[0]?.month ?? ""} to ${data.months.at(-1)?.month ?? ""}.`,
    width: Math.max(240, 60 * data.months.length),
    height: 220,
    data: { values },
    mark: { type: "bar" },
    encoding: {
      x: { field: "month", type: "ordinal", title: "Month (UTC)", sort: null },
      y: {
        field: "count",
        type: "quantitative",
        aggregate: "sum",
        stack: "zero",
        title: "Incidents (count)",
        axis: { values: countAxis.values, format: "d" },
        scale: { domain: [0, countAxis.max] },
      },
      color: {
        field: "severity",
        type: "nominal",
        title: "Severity",
        sort: data.severities,
        scale: {
          domain: data.severities,
          range: data.severities.map((severity) => data.severityColors[severity] ?? "#8c959f"),
        },
      },
      order: { field: "order", type: "ordinal", sort: "descending" },
    },
    config: BASE_CONFIG,
  };
}

/** Median and p90 per severity in minutes, each severity its own panel and scale, target dashed. */
export function durationSpec(data: ReportData, phase: Phase): TopLevelSpec {
  const { title, unitTitle } = PHASE_TITLES[phase];
  const rows = data.durations.filter((row) => row.incidents > 0);
  const values = rows.flatMap((row) => {
    const stats = row.phases[phase];
    const bars = [
      { severity: row.severity, kind: "bar", statistic: "median", minutes: minutes(stats.median) },
      { severity: row.severity, kind: "bar", statistic: "p90", minutes: minutes(stats.p90) },
    ].filter((bar) => bar.minutes !== null);
    const target =
      stats.target === null
        ? []
        : [{ severity: row.severity, kind: "target", minutes: minutes(stats.target) }];
    return [...bars, ...target];
  });
  const hasTargets = values.some((value) => value.kind === "target");
  return {
    $schema: SCHEMA,
    title: {
      text: `${title}: median and p90 by severity`,
      subtitle: hasTargets ? "Minutes; dashed red line = target" : "Minutes; no target",
    },
    description: `${title} in minutes per severity: median and 90th percentile${hasTargets ? ", with the target as a dashed line" : ""}.`,
    data: { values },
    facet: {
      column: {
        field: "severity",
        type: "nominal",
        title: "Severity",
        sort: rows.map((row) => row.severity),
      },
    },
    spec: {
      width: 110,
      height: 200,
      layer: [
        {
          transform: [{ filter: "datum.kind === 'bar'" }],
          mark: { type: "bar" },
          encoding: {
            x: { field: "statistic", type: "nominal", title: "Statistic", sort: ["median", "p90"] },
            y: { field: "minutes", type: "quantitative", title: unitTitle },
            color: {
              field: "statistic",
              type: "nominal",
              scale: { domain: ["median", "p90"], range: ["#0969da", "#80ccff"] },
              legend: null,
            },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'bar'" }],
          mark: { type: "text", dy: -6, fontSize: 10 },
          encoding: {
            x: { field: "statistic", type: "nominal", sort: ["median", "p90"] },
            y: { field: "minutes", type: "quantitative" },
            text: { field: "minutes", type: "quantitative", format: ",.1~f" },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'target'" }],
          mark: { type: "rule", color: "#cf222e", strokeDash: [6, 4], size: 2 },
          encoding: { y: { field: "minutes", type: "quantitative" } },
        },
      ],
    },
    resolve: { scale: { y: "independent" }, axis: { x: "independent" } },
    config: BASE_CONFIG,
  };
}

/** The open action-item backlog at the end of each month. */
export function backlogSpec(data: ReportData): TopLevelSpec | null {
  const backlog = data.actionItems?.backlog ?? [];
  if (backlog.length === 0) return null;
  const values = backlog.map((point) => ({ month: point.month, open: point.open }));
  return {
    $schema: SCHEMA,
    title: "Open action items at the end of each month",
    description: "Line chart: number of open action items at the end of each month (UTC).",
    width: Math.max(240, 60 * values.length),
    height: 200,
    data: { values },
    mark: { type: "line", color: "#8250df", point: { color: "#8250df", size: 40 } },
    encoding: {
      x: { field: "month", type: "ordinal", title: "Month (UTC)", sort: null },
      y: {
        field: "open",
        type: "quantitative",
        title: "Open action items (count)",
        axis: { tickMinStep: 1, format: "d" },
        scale: { zero: true },
      },
    },
    config: BASE_CONFIG,
  };
}
