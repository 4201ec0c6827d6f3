import { beforeAll, describe, expect, it } from "vitest";
import { compareEndStates } from "./support/end-state.js";
import { type RunResult, runScenario } from "./support/run-scenario.js";
import { SCENARIOS } from "./support/scenarios.js";
import { summary } from "./support/summary.js";

/**
 * GitHub redelivers with the same `X-GitHub-Delivery` and in no particular order:
 * every webhook sent three times, shuffled, must leave exactly what one clean run leaves.
 */
describe.each(SCENARIOS)("$name", (scenario) => {
  let reference: RunResult;
  beforeAll(async () => {
    reference = await runScenario(scenario);
  });

  it.each([
    ["serial", { seed: 3, copies: 3, shuffle: true }],
    ["concurrent", { seed: 4, copies: 3, delayRate: 0.5, delayMs: 15 }],
  ] as const)(
    "every webhook delivered 3 times in shuffled order (%s): same end state, nothing done twice",
    async (mode, faults) => {
      const run = await runScenario(scenario, { deliveryMode: mode, deliveryFaults: faults });
      const diff = compareEndStates(run.endState, reference.endState);
      if (process.env.SHOW_DIFF) console.log(JSON.stringify(diff, null, 1));
      summary("3× shuffled deliveries", {
        scenario: scenario.name.split(" (")[0] ?? scenario.name,
        mode,
        deliveries: run.deliveries,
        reference_deliveries: reference.deliveries,
        duplicates_sent: run.deliveryStats.duplicates,
        reordered: mode === "serial" ? run.deliveryStats.reordered : `${run.deliveryStats.delayed} delayed`,
        failed_deliveries: run.failedDeliveries,
        app_requests: run.appRequests,
        reference_requests: reference.appRequests,
        duplicates_found: diff.extra.length,
        entries_lost: diff.missing.length,
      });
      expect(diff).toEqual({ extra: [], missing: [] });
      expect(run.failedDeliveries).toBe(0);
    },
  );
});
