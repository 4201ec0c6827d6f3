import { PHASE_TITLES } from "./phase-titles.js";
import { day, percent, span, table } from "./report-format.js";
import type { DurationStats, ReportData } from "./report-types.js";

/**
 * The `/metrics` reply: a short summary of `ReportData` computed for the last 90
 * days (`lastDays(now, 90)`): incidents by severity, median time to acknowledge and
 * to resolve against the targets, and what is known of PIRs and action items.
 */
const DAY_MS = 86_400_000;

function medianVsTarget(stats: DurationStats): string {
  if (stats.median === null) return "–";
  if (stats.target === null) return span(stats.median);
  const mark = stats.median <= stats.target ? "✅" : "⚠️";
  return `${span(stats.median)} ${mark} (target ${span(stats.target)})`;
}

export function metricsSummary(data: ReportData): string {
  const days = Math.round((data.window.to.getTime() - data.window.from.getTime()) / DAY_MS);
  const { totals } = data;
  const lines = [
    `### Incident metrics: last ${days} days`,
    "",
    `${day(data.window.from)} to ${day(data.window.to)} (UTC): **${totals.incidents}** incident${totals.incidents === 1 ? "" : "s"} (${totals.open} open), ${totals.falsePositives} false positive${totals.falsePositives === 1 ? "" : "s"}, ${data.breaches.length} SLA breach${data.breaches.length === 1 ? "" : "es"}.`,
  ];
  const rows = data.durations
    .filter((row) => row.incidents > 0)
    .map((row) => [
      row.severity,
      String(row.incidents),
      medianVsTarget(row.phases.acknowledge),
      medianVsTarget(row.phases.resolve),
    ]);
  if (rows.length > 0) {
    const header = [
      "Severity",
      "Incidents",
      `Median ${PHASE_TITLES.acknowledge.title.toLowerCase()}`,
      `Median ${PHASE_TITLES.resolve.title.toLowerCase()}`,
    ];
    lines.push("", table(header, rows, new Set([1])));
  }
  const follow: string[] = [];
  if (data.pirs)
    follow.push(
      `PIRs on time: ${percent(data.pirs.rate)} (${data.pirs.onTime} of ${data.pirs.onTime + data.pirs.late})`,
    );
  if (data.actionItems)
    follow.push(
      `Action items: ${data.actionItems.open} open, ${data.actionItems.overdue} overdue, ${data.actionItems.done} done`,
    );
  if (follow.length > 0) lines.push("", follow.map((line) => `- ${line}`).join("\n"));
  return `${lines.join("\n")}\n`;
}
