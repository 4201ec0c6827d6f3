import type { SimState } from "@incident-app/github-simulator";
import { beforeAll, expect, it } from "vitest";
import { playDemo } from "../../scripts/demo/run-demo.js";
import { compareEndStates, projectEndState } from "./support/end-state.js";
import { startReliabilityHarness } from "./support/reliability-harness.js";
import { type RunResult, runScenario } from "./support/run-scenario.js";
import { SCENARIOS } from "./support/scenarios.js";
import { summary } from "./support/summary.js";

/**
 * GitHub down for whole steps of the demo: every request the app makes fails, so
 * those handlers give up (bounded, well inside GitHub's 10 s) and answer 500. The
 * incident is left as the history says; the next person's action heals it all.
 */
const OUTAGES = new Set([1, 4, 8, 11]); // indexes into the demo's steps (people's, never a sweep); never the last one

let reference: RunResult;
beforeAll(async () => {
  reference = await runScenario(SCENARIOS[0] as (typeof SCENARIOS)[number]);
});

it("handlers that cannot finish leave the incident for the next event to heal", async () => {
  const harness = await startReliabilityHarness();
  const { sim } = harness;
  let failedDuringOutage = 0;
  let slowestGiveUpMs = 0;
  try {
    await playDemo(harness, undefined, {
      aroundStep: async (index, step, run) => {
        if (!OUTAGES.has(index)) return run();
        if (step.who === "sweep") throw new Error("outages are for people's steps");
        const before = sim.deliveries.length;
        sim.injectRequestFaults({ seed: index, rate: 1, mix: { "server-error": 1 } });
        await run();
        sim.clearFaults();
        const failed = sim.deliveries.slice(before).filter((d) => d.status !== 200 && d.status !== null);
        failedDuringOutage += failed.length;
        slowestGiveUpMs = Math.max(slowestGiveUpMs, ...failed.map((d) => d.durationMs ?? 0));
      },
    });
    const diff = compareEndStates(projectEndState(sim.snapshot() as SimState), reference.endState);
    summary("outages heal on the next event", {
      outage_steps: OUTAGES.size,
      deliveries: sim.deliveries.length,
      failed_during_outage: failedDuringOutage,
      slowest_give_up_ms: slowestGiveUpMs,
      faults_injected: sim.appRequests().filter((e) => e.fault !== null).length,
      duplicates_found: diff.extra.length,
      entries_lost: diff.missing.length,
    });
    expect(failedDuringOutage).toBeGreaterThan(0);
    expect(slowestGiveUpMs).toBeLessThan(10_000);
    expect(diff).toEqual({ extra: [], missing: [] });
  } finally {
    await harness.close();
  }
});
