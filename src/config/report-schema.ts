import { z } from "zod";
import { duration } from "./duration-field.js";

/**
 * The report's own targets (seed plans 000 and 002: "incident count (monthly) < 5",
 * "MTTD < 5 minutes", "false positive rate < 10%"). Each is met when the measured
 * value is below it; null leaves the target out of the report.
 */
export const reportSchema = z
  .strictObject({
    targets: z
      .strictObject({
        incidentsPerMonth: z
          .number()
          .int()
          .positive()
          .nullable()
          .default(5)
          .describe(
            "Met when every month of the report has fewer incidents than this (false positives and drills apart).",
          ),
        mttd: duration
          .nullable()
          .prefault("5m")
          .describe("Met when the mean time to detect (detected − started) is below this."),
        falsePositiveRate: z
          .number()
          .min(0)
          .max(1)
          .nullable()
          .default(0.1)
          .describe(
            "Met when the share of declared incidents closed as false positives is below this (0.1 = 10%).",
          ),
      })
      .prefault({})
      .describe("Targets the report measures, with met or missed."),
  })
  .prefault({})
  .describe("The metrics report (`report` command, `/metrics`).");
