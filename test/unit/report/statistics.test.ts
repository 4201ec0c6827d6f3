import { describe, expect, it } from "vitest";
import { isFalsePositive } from "../../../src/features/report/incident-facts.js";
import { monthsBefore, monthsOf } from "../../../src/features/report/report-window.js";
import { mean, median, percentile, ratio } from "../../../src/features/report/statistics.js";
import { fixedRecords } from "../../fixtures/report/fixed-history.js";

describe("statistics", () => {
  it("takes the median of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("takes p90 by nearest rank: always one of the samples", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([10, 1, 5], 0.9)).toBe(10);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.9)).toBeNull();
  });

  it("averages and divides, with null for nothing", () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBeNull();
  });
});

describe("report windows", () => {
  it("defaults to the six calendar months before now's month, up to now", () => {
    const window = monthsBefore(new Date("2026-07-01T00:00:00Z"));
    expect(window.from.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(monthsOf(window).map((m) => m.month)).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
    ]);
  });

  it("ends a partial last month at the window's end", () => {
    const now = new Date("2026-06-15T12:00:00Z");
    const months = monthsOf(monthsBefore(now, 1));
    expect(months.map((m) => [m.month, m.end.toISOString()])).toEqual([
      ["2026-05", "2026-06-01T00:00:00.000Z"],
      ["2026-06", "2026-06-15T12:00:00.000Z"],
    ]);
  });
});

describe("false positives", () => {
  it("are closed as not planned or labelled false-positive", () => {
    const [first] = fixedRecords();
    if (!first) throw new Error("fixture is empty");
    expect(isFalsePositive(first)).toBe(false);
    expect(isFalsePositive({ ...first, labels: [...first.labels, "false-positive"] })).toBe(true);
    expect(isFalsePositive({ ...first, closeReason: "NOT_PLANNED" })).toBe(true);
  });
});
