import type { Config } from "../../config/schema.js";
import type { MonthCounts, TargetResult } from "./report-types.js";
import { ratio } from "./statistics.js";

/**
 * The report's own targets (config `report.targets`): each met when the measured
 * value is below the target, missing when there is nothing to measure.
 */
export function reportTargets(
  config: Config,
  months: readonly MonthCounts[],
  detectDurations: readonly number[],
  falsePositiveRate: number | null,
): TargetResult[] {
  const { incidentsPerMonth, mttd, falsePositiveRate: fpTarget } = config.report.targets;
  const results: TargetResult[] = [];
  if (incidentsPerMonth !== null) {
    const worst = months.length === 0 ? null : Math.max(...months.map((month) => month.total));
    results.push(result("incidentsPerMonth", worst, incidentsPerMonth));
  }
  if (mttd !== null) {
    const mean = ratio(
      detectDurations.reduce((sum, value) => sum + value, 0),
      detectDurations.length,
    );
    results.push(result("mttd", mean, mttd));
  }
  if (fpTarget !== null) results.push(result("falsePositiveRate", falsePositiveRate, fpTarget));
  return results;
}

function result(measure: TargetResult["measure"], value: number | null, target: number): TargetResult {
  return { measure, value, target, met: value === null ? null : value < target };
}
