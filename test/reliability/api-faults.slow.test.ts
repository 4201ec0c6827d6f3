import { beforeAll, describe, expect, it } from "vitest";
import { compareEndStates } from "./support/end-state.js";
import { type RunResult, runScenario } from "./support/run-scenario.js";
import { SCENARIOS } from "./support/scenarios.js";
import { summary } from "./support/summary.js";

/**
 * 10 % of the app's API requests fail: 500/502/503, a 502 after the write took effect,
 * secondary limits (403/429 with `retry-after`), an exhausted quota, or a slow answer.
 * The app retries what is safe to repeat and re-runs the pipeline for the rest.
 */
describe.each(SCENARIOS)("$name", (scenario) => {
  let reference: RunResult;
  beforeAll(async () => {
    reference = await runScenario(scenario);
  });

  /** `giveUps`: at 30 % some events run out of attempts; the next event must heal what they left. */
  const check = async (
    test: string,
    seed: number,
    options: Parameters<typeof runScenario>[1],
    giveUps: "none" | "healed" = "none",
  ) => {
    const run = await runScenario(scenario, options);
    const diff = compareEndStates(run.endState, reference.endState);
    summary(test, {
      scenario: scenario.name.split(" (")[0] ?? scenario.name,
      seed,
      deliveries: run.deliveries,
      app_requests: run.appRequests,
      reference_requests: reference.appRequests,
      faults_injected: run.requestFaults,
      failed_deliveries: run.failedDeliveries,
      slowest_delivery_ms: run.slowestDeliveryMs,
      duplicates_found: diff.extra.length,
      entries_lost: diff.missing.length,
    });
    if (process.env.SHOW_DIFF) console.log(JSON.stringify(diff, null, 1));
    expect(diff).toEqual({ extra: [], missing: [] });
    if (giveUps === "none") expect(run.failedDeliveries).toBe(0);
  };

  it.each([11, 12, 13])("seed %i: 10 percent of API requests fail, same end state", async (seed) => {
    await check("10% API faults", seed, { requestFaults: { seed, rate: 0.1 } });
  });

  it("30 percent of writes fail, half of them after taking effect: nothing done twice", async () => {
    const seed = 21;
    await check(
      "30% write faults",
      seed,
      {
        requestFaults: {
          seed,
          rate: 0.3,
          mix: { "lost-response": 1, "server-error": 1 },
          eligible: (request) => request.auth === "installation" && request.method !== "GET",
        },
      },
      "healed",
    );
  });
});
