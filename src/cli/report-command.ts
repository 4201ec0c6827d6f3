import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config/schema.js";
import { renderCharts } from "../features/report/charts.js";
import { reportable } from "../features/report/incident-facts.js";
import { computeReport } from "../features/report/metrics.js";
import { pirRecords } from "../features/report/pir-records.js";
import { renderReport } from "../features/report/render-report.js";
import type { ActionItemRecord, PirRecord, ReportWindow } from "../features/report/report-types.js";
import { monthsBefore } from "../features/report/report-window.js";
import { type GraphqlClient, readIncidents } from "../github/read-incidents.js";
import { readReportActionItems } from "../github/read-report-action-items.js";
import { readFormTemplate } from "../pipelines/app-deps.js";

/**
 * `report`: read the incidents of one or more repos, compute the numbers, and
 * write `report.md` with its SVG charts into `outDir`. Read → compute → render →
 * write, each step its own module; only this file touches the file system.
 */
export interface ReportOptions {
  octokit: GraphqlClient;
  /** `owner/name` each. */
  repos: string[];
  outDir: string;
  now: Date;
  config: Config;
  /** Defaults to the six calendar months before `now`'s month, up to `now`. */
  window?: ReportWindow;
  /** The app's login: its markers are trusted (ids) and its own events ignored, as in the app. */
  botLogin?: string;
  formTemplate?: string;
  /** Default: read off the incidents (due by the timeline's clock, merged with their review PR). */
  pirs?: PirRecord[];
  /** Default: every action-item issue of the repos. */
  actionItems?: ActionItemRecord[];
}

export const DEFAULT_BOT_LOGIN = "incident-app[bot]";

export async function runReport(options: ReportOptions): Promise<{ files: string[] }> {
  const ctx = {
    config: options.config,
    botLogin: options.botLogin ?? DEFAULT_BOT_LOGIN,
    formTemplate: options.formTemplate ?? readFormTemplate(),
  };
  const incidents = [];
  for (const repo of options.repos)
    incidents.push(...(await readIncidents(options.octokit, repo, ctx)).filter(reportable));
  let actionItems = options.actionItems;
  if (!actionItems) {
    actionItems = [];
    const label = options.config.labels.actionItem;
    for (const repo of options.repos)
      actionItems.push(...(await readReportActionItems(options.octokit, repo, label)));
  }

  const data = computeReport(
    {
      incidents,
      pirs: options.pirs ?? pirRecords(incidents, options.config, options.now),
      actionItems,
    },
    options.config,
    options.now,
    options.window ?? monthsBefore(options.now),
  );
  const charts = await renderCharts(data);
  const markdown = renderReport(data, charts);

  await mkdir(options.outDir, { recursive: true });
  const files: string[] = [];
  for (const chart of charts) {
    const path = join(options.outDir, chart.file);
    await writeFile(path, chart.svg, "utf8");
    files.push(path);
  }
  const reportPath = join(options.outDir, "report.md");
  await writeFile(reportPath, markdown, "utf8");
  files.push(reportPath);
  return { files };
}
