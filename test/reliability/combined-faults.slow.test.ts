import { beforeAll, describe, expect, it } from "vitest";
import { compareEndStates } from "./support/end-state.js";
import { type RunResult, runScenario } from "./support/run-scenario.js";
import { SCENARIOS } from "./support/scenarios.js";
import { summary } from "./support/summary.js";

/**
 * A bad day all at once: 20 % of API requests fail, 30 % of webhooks arrive twice,
 * in shuffled order or late, 5 % never arrive and are redelivered by hand later;
 * serial and concurrent deliveries.
 */
describe.each(SCENARIOS)("$name", (scenario) => {
  let reference: RunResult;
  beforeAll(async () => {
    reference = await runScenario(scenario);
  });

  it.each([
    [31, "concurrent"],
    [32, "serial"],
    [33, "concurrent"],
    [34, "serial"],
  ] as const)("seed %i, %s deliveries: same end state", async (seed, deliveryMode) => {
    const run = await runScenario(scenario, {
      deliveryMode,
      deliveryFaults: {
        seed,
        duplicateRate: 0.3,
        shuffle: true,
        delayRate: 0.2,
        dropRate: 0.05,
        redeliverRate: 1,
      },
      requestFaults: { seed, rate: 0.2 },
    });
    const diff = compareEndStates(run.endState, reference.endState);
    if (process.env.SHOW_DIFF) console.log(JSON.stringify(diff, null, 1));
    summary("combined faults", {
      scenario: scenario.name.split(" (")[0] ?? scenario.name,
      seed,
      mode: deliveryMode,
      deliveries: run.deliveries,
      duplicates_sent: run.deliveryStats.duplicates,
      reordered: run.deliveryStats.reordered,
      delayed: run.deliveryStats.delayed,
      dropped: run.deliveryStats.dropped,
      redelivered: run.deliveryStats.redelivered,
      api_faults_injected: run.requestFaults,
      failed_deliveries: run.failedDeliveries,
      app_requests: run.appRequests,
      reference_requests: reference.appRequests,
      duplicates_found: diff.extra.length,
      entries_lost: diff.missing.length,
    });
    expect(diff).toEqual({ extra: [], missing: [] });
  });
});
