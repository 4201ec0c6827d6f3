import { renderBuiltIn } from "../../render/renderer.js";
import type { ChartFile } from "./charts.js";
import type { ReportData } from "./report-types.js";
import { reportView } from "./report-view.js";

/**
 * The report's Markdown from `templates/report.md.hbs`, embedding the charts by
 * their file names (written beside `report.md`) and every number as a table.
 */
export function renderReport(data: ReportData, charts: readonly ChartFile[]): string {
  return renderBuiltIn("report", reportView(data, charts));
}
