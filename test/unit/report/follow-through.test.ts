import { describe, expect, it } from "vitest";
import { parseReportArgs, windowOf } from "../../../src/cli/report-cli.js";
import { ConfigSchema } from "../../../src/config/schema.js";
import { incidentRecord } from "../../../src/features/report/incident-record.js";
import { computeReport } from "../../../src/features/report/metrics.js";
import { pirRecords } from "../../../src/features/report/pir-records.js";
import {
  config,
  ctx,
  fixedHistories,
  fixedRecords,
  now,
  reportWindow,
} from "../../fixtures/report/fixed-history.js";
import { pullFact } from "../../support/history-builder.js";

/** What happens after incidents: PIRs read off the incidents, the report's own targets, its window. */
const HOUR = 3_600_000;

describe("pirRecords", () => {
  const records = pirRecords(fixedRecords(), config, now);

  it("owes one review per resolved incident whose severity has a PIR due, none for false positives", () => {
    // Resolved: #1 SEV-1, #2, #3 and #4 SEV-2, #8 SEV-3, #10 before the window (the report's
    // window picks by due date); not #5 (SEV-4: no PIR), #6 (false positive), #7 (open), #9 (triage).
    expect(records.map((record) => record.incident).sort()).toEqual([
      "acme/shop#1",
      "acme/shop#10",
      "acme/shop#2",
      "acme/shop#3",
      "acme/shop#4",
      "acme/shop#8",
    ]);
    const first = records.find((record) => record.incident === "acme/shop#1");
    expect(first?.due).toEqual(new Date(new Date("2026-01-05T11:00:00Z").getTime() + 48 * HOUR));
    expect(first?.mergedAt).toBeNull();
  });

  it("takes the merge time of the incident's review pull request", () => {
    const [built] = fixedHistories();
    if (!built) throw new Error("no history");
    built.code.pirPulls.push(
      pullFact(40, { headRefName: "pir/1", state: "MERGED", mergedAt: new Date("2026-01-06T09:00:00Z") }),
    );
    const [record] = pirRecords([incidentRecord(built, ctx)], config, now);
    expect(record?.mergedAt).toEqual(new Date("2026-01-06T09:00:00Z"));
  });
});

describe("the report's targets", () => {
  it("measures the busiest month, the mean time to detect and the false-positive rate against config", () => {
    const data = computeReport({ incidents: fixedRecords() }, config, now, reportWindow);
    expect(data.targets).toEqual([
      { measure: "incidentsPerMonth", value: 4, target: 5, met: true },
      { measure: "mttd", value: 27.5 * 60_000, target: 5 * 60_000, met: false },
      { measure: "falsePositiveRate", value: 1 / 8, target: 0.1, met: false },
    ]);
  });

  it("leaves out a target set to null and says no data when nothing was measured", () => {
    const custom = ConfigSchema.parse({ report: { targets: { mttd: null, incidentsPerMonth: 10 } } });
    const data = computeReport({ incidents: [] }, custom, now, reportWindow);
    expect(data.targets).toEqual([
      { measure: "incidentsPerMonth", value: 0, target: 10, met: true },
      { measure: "falsePositiveRate", value: null, target: 0.1, met: null },
    ]);
  });
});

describe("report --since / --until", () => {
  const env = {};
  it("takes a bare day for --until as the whole day", () => {
    const args = parseReportArgs(
      ["--repos", "acme/shop", "--out", "out", "--since", "2026-01-01", "--until", "2026-01-31"],
      env,
    );
    if (typeof args === "string") throw new Error(args);
    expect(windowOf(args)).toEqual({
      from: new Date("2026-01-01T00:00:00Z"),
      to: new Date("2026-02-01T00:00:00Z"),
    });
  });

  it("defaults each end as the report does", () => {
    const args = parseReportArgs(
      [
        "--repos",
        "acme/shop",
        "--out",
        "out",
        "--until",
        "2026-03-01T12:00:00Z",
        "--now",
        "2026-04-10T00:00:00Z",
      ],
      env,
    );
    if (typeof args === "string") throw new Error(args);
    expect(windowOf(args)).toEqual({
      from: new Date("2025-10-01T00:00:00Z"),
      to: new Date("2026-03-01T12:00:00Z"),
    });
  });

  it("refuses a date it cannot read, and a window that ends before it starts", () => {
    expect(parseReportArgs(["--out", "o", "--repos", "a/b", "--since", "last week"], env)).toMatch(
      /--since expects a date/,
    );
    expect(
      parseReportArgs(
        ["--out", "o", "--repos", "a/b", "--since", "2026-02-01", "--until", "2026-01-01"],
        env,
      ),
    ).toBe("--since must come before --until");
  });
});
