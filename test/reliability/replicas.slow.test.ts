import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareEndStates } from "./support/end-state.js";
import { type RedisServer, startRedisServer } from "./support/redis-server.js";
import { type RunResult, runScenario } from "./support/run-scenario.js";
import { SCENARIOS } from "./support/scenarios.js";
import { summary } from "./support/summary.js";

/**
 * Two replicas of the app behind one webhook URL, sharing rate-limit state in a real
 * Redis (Probot's `redisConfig`, as `REDIS_URL` sets it). Deliveries are concurrent
 * and each is sent twice, so the replicas race on the same events. The end state must
 * be that of one replica on a clean stream.
 */
let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});

describe.each(SCENARIOS)("$name", (scenario) => {
  let reference: RunResult;
  beforeAll(async () => {
    reference = await runScenario(scenario);
  });

  it("two replicas sharing Redis, racing on concurrent duplicate deliveries: same end state as one", async () => {
    const run = await runScenario(scenario, {
      replicas: 2,
      redis: { host: redis.host, port: redis.port },
      deliveryMode: "concurrent",
      deliveryFaults: { seed: 5, copies: 2 },
    });
    const client = new Redis({ host: redis.host, port: redis.port, lazyConnect: true });
    await client.connect();
    const keys = await client.keys("b_octokit-*");
    client.disconnect();
    const diff = compareEndStates(run.endState, reference.endState);
    summary("2 replicas + Redis", {
      scenario: scenario.name.split(" (")[0] ?? scenario.name,
      deliveries: run.deliveries,
      served_by_replica: (run.served ?? []).join("/"),
      duplicates_sent: run.deliveryStats.duplicates,
      failed_deliveries: run.failedDeliveries,
      app_requests: run.appRequests,
      reference_requests: reference.appRequests,
      redis_throttle_keys: keys.length,
      duplicates_found: diff.extra.length,
      entries_lost: diff.missing.length,
    });
    expect(keys.length).toBeGreaterThan(0);
    expect(run.served?.every((count) => count > 0)).toBe(true);
    expect(diff).toEqual({ extra: [], missing: [] });
    expect(run.failedDeliveries).toBe(0);
  });
});
