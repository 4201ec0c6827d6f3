import type { TopLevelSpec } from "vega-lite";
import type { ReportData } from "./report-types.js";

/**
 * Vega-Lite specs of the report's charts, pure data built from `ReportData`.
 * Every chart has a title, axis titles with units, flat labels and a description
 * (the SVG's accessible label); the Markdown gives the same numbers as tables.
 */

export const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
export const BASE_CONFIG = {
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

/** The open action-item backlog at the end of each month. */
export function backlogSpec(data: ReportData): TopLevelSpec | null {
  const items = data.actionItems;
  const backlog = items?.backlog ?? [];
  // No action item at all: nothing to draw (the table says 0).
  if (backlog.length === 0 || !items || items.open + items.done === 0) return null;
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
