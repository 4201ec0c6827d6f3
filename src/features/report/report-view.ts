import { inline } from "../../render/markdown.js";
import type { ChartFile } from "./charts.js";
import { PHASE_TITLES } from "./phase-titles.js";
import { columnsFrom, link, percent, shareOf, span, table, utc } from "./report-format.js";
import { PHASES, type ReportData, type TargetResult } from "./report-types.js";

/**
 * The report as the template sees it: headings and prose live in
 * `templates/report.md.hbs`; every number arrives here as a ready Markdown table.
 */

interface Chart {
  file: string;
  title: string;
}

export interface ReportView {
  from: string;
  to: string;
  generatedAt: string;
  repos: string;
  summary: string;
  targetsTable: string | null;
  monthlyChart: Chart | null;
  monthlyTable: string;
  phases: Array<{ title: string; chart: Chart | null; table: string }>;
  mtbfTable: string | null;
  breachesTable: string | null;
  breachCount: number;
  falsePositivesTable: string | null;
  falsePositiveCount: number;
  drillsTable: string | null;
  drillCount: number;
  pirs: { table: string; lateTable: string | null } | null;
  actionItems: {
    table: string;
    overdueTable: string | null;
    chart: Chart | null;
    backlogTable: string;
  } | null;
}

function chartFor(charts: readonly ChartFile[], file: string): Chart | null {
  const found = charts.find((chart) => chart.file === file);
  return found ? { file: found.file, title: found.title } : null;
}

function summaryTable(data: ReportData): string {
  const { totals, pirs, actionItems } = data;
  const rows = [
    ["Incidents", `${totals.incidents} (${totals.open} still open)`],
    ["False positives", `${totals.falsePositives} (${percent(data.falsePositives.rate)} of declared)`],
    ["Drills", String(totals.drills)],
    ["SLA breaches", String(data.breaches.length)],
    ["PIRs on time", pirs ? shareOf(pirs.onTime, pirs.onTime + pirs.late) : "no data"],
    [
      "Action items",
      actionItems
        ? `${actionItems.open} open, ${actionItems.overdue} overdue, ${actionItems.done} done`
        : "no data",
    ],
  ];
  return table(["Measure", "Value"], rows);
}

const TARGET_TITLES: Record<TargetResult["measure"], string> = {
  incidentsPerMonth: "Incidents in the busiest month",
  mttd: "Mean time to detect",
  falsePositiveRate: "False-positive rate",
};

function targetValue(measure: TargetResult["measure"], value: number | null): string {
  if (value === null) return "–";
  if (measure === "mttd") return span(value);
  if (measure === "falsePositiveRate") return percent(value);
  return String(value);
}

function targetsTable(data: ReportData): string | null {
  if (data.targets.length === 0) return null;
  const rows = data.targets.map((target) => [
    TARGET_TITLES[target.measure],
    targetValue(target.measure, target.value),
    `below ${targetValue(target.measure, target.target)}`,
    target.met === null ? "no data" : target.met ? "met" : "**missed**",
  ]);
  return table(["Measure", "Value", "Target", "Result"], rows);
}

function monthlyTable(data: ReportData): string {
  const header = ["Month", ...data.severities, "Total", "False positives"];
  const rows = data.months.map((month) => [
    month.month,
    ...data.severities.map((severity) => String(month.bySeverity[severity] ?? 0)),
    String(month.total),
    String(month.falsePositives),
  ]);
  return table(header, rows, columnsFrom(1, header.length));
}

function phaseTable(data: ReportData, phase: (typeof PHASES)[number]): string {
  const rows = data.durations
    .filter((row) => row.incidents > 0)
    .map((row) => {
      const stats = row.phases[phase];
      const measured = `${stats.n} of ${row.incidents}`;
      if (phase === "detect") return [row.severity, measured, span(stats.median), span(stats.p90)];
      const target = stats.target === null ? "none" : span(stats.target);
      return [
        row.severity,
        measured,
        span(stats.median),
        span(stats.p90),
        target,
        shareOf(stats.met, stats.met + stats.breached),
      ];
    });
  const header =
    phase === "detect"
      ? ["Severity", "Measured", "Median", "p90"]
      : ["Severity", "Measured", "Median", "p90", "Target", "Met target"];
  return table(header, rows, columnsFrom(1, header.length));
}

function mtbfTable(data: ReportData): string | null {
  if (data.mtbf.length === 0) return null;
  const rows = data.mtbf.map((row) => [inline(row.service), String(row.incidents), span(row.mtbf)]);
  return table(["Service", "Incidents", "MTBF"], rows, new Set([1, 2]));
}

function breachesTable(data: ReportData): string | null {
  if (data.breaches.length === 0) return null;
  const rows = data.breaches.map((breach) => [
    link(breach),
    breach.severity,
    PHASE_TITLES[breach.phase].title,
    breach.ongoing ? `${span(breach.took)} and running` : span(breach.took),
    span(breach.target),
  ]);
  return table(["Incident", "Severity", "Target missed", "Took", "Target"], rows);
}

function falsePositivesTable(data: ReportData): string | null {
  const { incidents } = data.falsePositives;
  if (incidents.length === 0) return null;
  return table(
    ["Incident", "Severity"],
    incidents.map((incident) => [link(incident), incident.severity]),
  );
}

function pirView(data: ReportData): ReportView["pirs"] {
  const { pirs } = data;
  if (!pirs) return null;
  const summary = table(
    ["On time", "Late", "Pending", "On-time rate"],
    [[String(pirs.onTime), String(pirs.late), String(pirs.pending), percent(pirs.rate)]],
    new Set([0, 1, 2, 3]),
  );
  const late = pirs.lateList.map((pir) => [
    inline(pir.incident),
    utc(pir.due),
    pir.mergedAt ? utc(pir.mergedAt) : "not merged",
  ]);
  return { table: summary, lateTable: late.length > 0 ? table(["Incident", "Due", "Merged"], late) : null };
}

function actionItemView(data: ReportData, charts: readonly ChartFile[]): ReportView["actionItems"] {
  const items = data.actionItems;
  if (!items) return null;
  const overdue = items.overdueList.map((item) => [`[#${item.number}](${item.url})`, utc(item.due)]);
  return {
    table: table(
      ["Open", "Overdue", "Done"],
      [[String(items.open), String(items.overdue), String(items.done)]],
      new Set([0, 1, 2]),
    ),
    overdueTable: overdue.length > 0 ? table(["Action item", "Due"], overdue) : null,
    chart: chartFor(charts, "action-item-backlog.svg"),
    backlogTable: table(
      ["Month", "Open at its end"],
      items.backlog.map((point) => [point.month, String(point.open)]),
      new Set([1]),
    ),
  };
}

export function reportView(data: ReportData, charts: readonly ChartFile[]): ReportView {
  return {
    from: utc(data.window.from),
    to: utc(data.window.to),
    generatedAt: utc(data.generatedAt),
    repos: data.repos.length > 0 ? data.repos.map((repo) => `\`${inline(repo)}\``).join(", ") : "none",
    summary: summaryTable(data),
    targetsTable: targetsTable(data),
    monthlyChart: chartFor(charts, "incidents-per-month.svg"),
    monthlyTable: monthlyTable(data),
    phases: PHASES.map((phase) => ({
      title: PHASE_TITLES[phase].title,
      chart: chartFor(charts, PHASE_TITLES[phase].file),
      table: phaseTable(data, phase),
    })),
    mtbfTable: mtbfTable(data),
    breachesTable: breachesTable(data),
    breachCount: data.breaches.length,
    falsePositivesTable: falsePositivesTable(data),
    falsePositiveCount: data.falsePositives.count,
    drillsTable:
      data.drills.length === 0
        ? null
        : table(
            ["Drill", "Severity"],
            data.drills.map((drill) => [link(drill), drill.severity]),
          ),
    drillCount: data.drills.length,
    pirs: pirView(data),
    actionItems: actionItemView(data, charts),
  };
}
