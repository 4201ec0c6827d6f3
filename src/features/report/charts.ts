import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { backlogSpec, monthlySpec } from "./chart-specs.js";
import { durationSpec } from "./duration-chart.js";
import { PHASE_TITLES } from "./phase-titles.js";
import { PHASES, type ReportData } from "./report-types.js";

/**
 * The report's charts as SVG text, drawn by Vega-Lite → Vega with the headless
 * renderer (no browser, no canvas: text widths are estimated). A chart whose data
 * is empty is left out; the Markdown then says "no data".
 */
export interface ChartFile {
  /** File name, relative to the report: `incidents-per-month.svg`. */
  file: string;
  /** Alt text. */
  title: string;
  svg: string;
}

export async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function renderCharts(data: ReportData): Promise<ChartFile[]> {
  const charts: ChartFile[] = [];
  if (data.totals.incidents > 0) {
    charts.push({
      file: "incidents-per-month.svg",
      title: "Incidents per month by severity",
      svg: await toSvg(monthlySpec(data)),
    });
  }
  for (const phase of PHASES) {
    if (!data.durations.some((row) => row.phases[phase].n > 0)) continue;
    const { title, file } = PHASE_TITLES[phase];
    charts.push({
      file,
      title: `${title}: median and p90 by severity`,
      svg: await toSvg(durationSpec(data, phase)),
    });
  }
  const backlog = backlogSpec(data);
  if (backlog) {
    charts.push({
      file: "action-item-backlog.svg",
      title: "Open action items at the end of each month",
      svg: await toSvg(backlog),
    });
  }
  return charts;
}
