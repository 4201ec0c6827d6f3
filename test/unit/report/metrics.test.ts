import { describe, expect, it } from "vitest";
import { computeReport } from "../../../src/features/report/metrics.js";
import type { Phase, ReportData } from "../../../src/features/report/report-types.js";
import { config, fixedInput, now, reportWindow } from "../../fixtures/report/fixed-history.js";

/**
 * Every number of the report on the fixed history, computed by hand from the
 * comments in `fixed-history.ts` (times in minutes unless said otherwise).
 */
const MIN = 60_000;
const HOUR = 60 * MIN;
const data = computeReport(fixedInput(), config, now, reportWindow);

function phase(severity: string, name: Phase) {
  const row = data.durations.find((r) => r.severity === severity);
  return row?.phases[name];
}

describe("computeReport on the fixed history", () => {
  it("counts declared incidents in the window, apart from false positives and triage", () => {
    expect(data.totals).toEqual({ incidents: 7, open: 1, falsePositives: 1, drills: 0, undeclared: 1 });
    expect(data.severities).toEqual(["SEV-1", "SEV-2", "SEV-3", "SEV-4"]);
    expect(data.repos).toEqual(["acme/shop"]);
  });

  it("counts incidents per month under their final severity, open ones included", () => {
    expect(data.months).toEqual([
      {
        month: "2026-01",
        bySeverity: { "SEV-1": 1, "SEV-2": 2, "SEV-3": 0, "SEV-4": 0 },
        total: 3,
        falsePositives: 0,
      },
      {
        month: "2026-02",
        bySeverity: { "SEV-1": 1, "SEV-2": 1, "SEV-3": 1, "SEV-4": 1 },
        total: 4,
        falsePositives: 1,
      },
    ]);
  });

  it("measures time to detect only where a start time is known", () => {
    // SEV-1: #1 10, #7 5 → median 7.5, p90 = 2nd of 2 = 10. SEV-2: #2 20, #4 30 (#3 has no start).
    expect(phase("SEV-1", "detect")).toMatchObject({ n: 2, median: 7.5 * MIN, p90: 10 * MIN, target: null });
    expect(phase("SEV-2", "detect")).toMatchObject({ n: 2, median: 25 * MIN, p90: 30 * MIN });
    // SEV-3 #8: detected 12:40 (backdated) − started 12:00.
    expect(phase("SEV-3", "detect")).toMatchObject({ n: 1, median: 40 * MIN });
    expect(phase("SEV-4", "detect")).toMatchObject({ n: 1, median: 60 * MIN });
  });

  it("measures time to acknowledge from detection and skips incidents never acknowledged", () => {
    expect(phase("SEV-1", "acknowledge")).toEqual({
      n: 2,
      median: 3 * MIN,
      p90: 3 * MIN,
      target: 5 * MIN,
      met: 2,
      breached: 0,
      metShare: 1,
    });
    // #2 20 (breach), #3 30 (breach under its final SEV-2 target), #4 5 → [5, 20, 30].
    expect(phase("SEV-2", "acknowledge")).toEqual({
      n: 3,
      median: 20 * MIN,
      p90: 30 * MIN,
      target: 15 * MIN,
      met: 1,
      breached: 2,
      metShare: 1 / 3,
    });
    // #8: 13:20 − 12:40.
    expect(phase("SEV-3", "acknowledge")).toMatchObject({ n: 1, median: 40 * MIN, met: 1, breached: 0 });
    expect(phase("SEV-4", "acknowledge")).toEqual({
      n: 0,
      median: null,
      p90: null,
      target: 4 * HOUR,
      met: 0,
      breached: 0,
      metShare: null,
    });
  });

  it("measures time to mitigate and counts an open incident past its target as a breach", () => {
    // #1 17 (breach); #7 open, acknowledged 22:08 and not mitigated at 00:00 two days later.
    expect(phase("SEV-1", "mitigate")).toEqual({
      n: 1,
      median: 17 * MIN,
      p90: 17 * MIN,
      target: 15 * MIN,
      met: 0,
      breached: 2,
      metShare: 0,
    });
    // #2 25, #3 50 (breach), #4 15 → [15, 25, 50].
    expect(phase("SEV-2", "mitigate")).toEqual({
      n: 3,
      median: 25 * MIN,
      p90: 50 * MIN,
      target: 30 * MIN,
      met: 2,
      breached: 1,
      metShare: 2 / 3,
    });
    expect(phase("SEV-3", "mitigate")).toMatchObject({ n: 1, median: 100 * MIN, met: 1 });
    // #5 never acknowledged: mitigated when resolved, measured from detection; SEV-4 has no target.
    expect(phase("SEV-4", "mitigate")).toMatchObject({
      n: 1,
      median: 24 * HOUR,
      target: null,
      metShare: null,
    });
  });

  it("measures time to resolve to the last resolution, leaving open incidents out of the durations", () => {
    expect(phase("SEV-1", "resolve")).toEqual({
      n: 1,
      median: 50 * MIN,
      p90: 50 * MIN,
      target: HOUR,
      met: 1,
      breached: 1,
      metShare: 0.5,
    });
    // #2 2h, #3 3h, #4 reopened: 09:30 → 14:30 = 5h (breach).
    expect(phase("SEV-2", "resolve")).toEqual({
      n: 3,
      median: 3 * HOUR,
      p90: 5 * HOUR,
      target: 4 * HOUR,
      met: 2,
      breached: 1,
      metShare: 2 / 3,
    });
    expect(phase("SEV-3", "resolve")).toMatchObject({ n: 1, median: 22 * HOUR, met: 1 });
    expect(phase("SEV-4", "resolve")).toMatchObject({
      n: 1,
      median: 24 * HOUR,
      target: 7 * 24 * HOUR,
      met: 1,
    });
  });

  it("computes MTBF per service from consecutive starts", () => {
    // search: Jan 5 10:00 → Feb 3 09:00 (695h) → Feb 20 12:00 (411h): mean 553h.
    // api: Jan 12 08:00 → Jan 20 14:00 (no start: declared): 198h. auth has one real incident.
    expect(data.mtbf).toEqual([
      { service: "api", incidents: 2, mtbf: 198 * HOUR },
      { service: "auth", incidents: 1, mtbf: null },
      { service: "dashboard", incidents: 1, mtbf: null },
      { service: "search", incidents: 3, mtbf: 553 * HOUR },
    ]);
  });

  it("lists every SLA breach with its link, ongoing ones included", () => {
    const rows = data.breaches.map((b) => [
      b.label,
      b.severity,
      b.phase,
      b.took / MIN,
      b.target / MIN,
      b.ongoing,
    ]);
    expect(rows).toEqual([
      ["acme/shop#1", "SEV-1", "mitigate", 17, 15, false],
      ["acme/shop#2", "SEV-2", "acknowledge", 20, 15, false],
      ["acme/shop#3", "SEV-2", "acknowledge", 30, 15, false],
      ["acme/shop#3", "SEV-2", "mitigate", 50, 30, false],
      ["acme/shop#4", "SEV-2", "resolve", 300, 240, false],
      // #7: acknowledged 22:08, declared 22:05 on Feb 27; now is Mar 1 00:00.
      ["acme/shop#7", "SEV-1", "mitigate", 25 * 60 + 52, 15, true],
      ["acme/shop#7", "SEV-1", "resolve", 25 * 60 + 55, 60, true],
    ]);
    expect(data.breaches[0]?.url).toBe("https://github.com/acme/shop/issues/1");
  });

  it("counts false positives and their share of declared incidents", () => {
    expect(data.falsePositives).toEqual({
      count: 1,
      rate: 1 / 8,
      incidents: [
        {
          label: "acme/shop#6",
          title: "Auth alert",
          url: "https://github.com/acme/shop/issues/6",
          severity: "SEV-3",
        },
      ],
    });
  });

  it("rates PIRs due in the window: merged by the due date, or late (merged after, or overdue)", () => {
    expect(data.pirs).toMatchObject({ onTime: 2, late: 2, pending: 0, rate: 0.5 });
    expect(data.pirs?.lateList.map((pir) => [pir.incident, pir.mergedAt !== null])).toEqual([
      ["acme/shop#2", true],
      ["acme/shop#4", false],
    ]);
  });

  it("counts action items and the open backlog at each month end", () => {
    expect(data.actionItems).toMatchObject({ open: 3, overdue: 1, done: 2 });
    expect(data.actionItems?.overdueList.map((item) => item.number)).toEqual([23]);
    expect(
      data.actionItems?.backlog.map((point) => [point.month, point.at.toISOString(), point.open]),
    ).toEqual([
      ["2026-01", "2026-02-01T00:00:00.000Z", 2],
      ["2026-02", "2026-03-01T00:00:00.000Z", 3],
    ]);
  });

  it("says no data for PIRs and action items when their records are absent", () => {
    const bare: ReportData = computeReport({ incidents: fixedInput().incidents }, config, now, reportWindow);
    expect(bare.pirs).toBeNull();
    expect(bare.actionItems).toBeNull();
  });

  it("counts a PIR not merged and not yet due as pending", () => {
    const early = new Date("2026-02-05T00:00:00Z");
    const report = computeReport(fixedInput(), config, early, reportWindow);
    expect(report.pirs).toMatchObject({ onTime: 2, late: 1, pending: 1, rate: 2 / 3 });
  });
});
