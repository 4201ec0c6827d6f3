import { afterAll, describe, expect, it } from "vitest";
import { type Fleet, removeFleetLayout, startFleet } from "../support/replica-fleet.js";
import { remindersPerRepo, type ScaleWorld, startScaleWorld } from "../support/scale-world.js";
import { type RedisServer, startRedisServer } from "./support/redis-server.js";
import { summary } from "./support/summary.js";

/**
 * Redis lost mid-sweep (issue 19): the queue's Redis stops while replicas work through a
 * pass, and comes back empty (no persistence), as a restarted cache would. The replicas
 * stay up and say they are degraded; the next pass, on the Redis that came back, posts
 * every reminder the lost pass did not, and none twice. Counts, not times.
 */
const SECRET = "redis-lost-secret";
const TIMEOUT_MS = 900_000;

let redis: RedisServer | null = null;
let fleet: Fleet | null = null;
let world: ScaleWorld | null = null;
afterAll(async () => {
  await fleet?.close();
  await world?.close();
  await redis?.stop();
  await removeFleetLayout();
});

async function health(port: number): Promise<{ status: string; queue?: { connected: boolean } }> {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`);
  return (await response.json()) as { status: string; queue?: { connected: boolean } };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("the sweep queue when Redis is lost mid-pass", () => {
  it(
    "replicas stay up, report degraded, and the next pass completes: every reminder once",
    async () => {
      redis = await startRedisServer();
      const { port } = redis;
      world = await startScaleWorld({
        installations: 30,
        busyRepos: 0,
        incidentsPerBusyRepo: 0,
        webhookSecret: SECRET,
        delayMs: 30,
      });
      fleet = await startFleet({
        sim: world.sim,
        redisUrl: `redis://127.0.0.1:${port}`,
        replicas: 2,
        webhookSecret: SECRET,
        env: { SWEEP_CONCURRENCY: "2" },
      });
      const replicas = fleet.replicas;
      await fleet.addPass(7);
      await replicas[0]?.server.waitFor(/"msg":"sweep posted"/, 300_000);
      await redis.stop();

      for (const { port: replicaPort } of replicas)
        await until("a replica reports the queue degraded", async () => {
          const answer = await health(replicaPort);
          return answer.status === "degraded" && answer.queue?.connected === false;
        });
      const lost = [...(await remindersPerRepo(world.sim, world.reminderRepos)).values()];

      redis = await startRedisServer({ port });
      for (const { port: replicaPort } of replicas)
        await until("a replica reports the queue connected again", async () => {
          const answer = await health(replicaPort);
          return answer.status === "ok" && answer.queue?.connected === true;
        });
      const { failed } = await fleet.sweepPass(8);
      const counts = [...(await remindersPerRepo(world.sim, world.reminderRepos)).values()];
      const logs = replicas.map(({ server }) => server.output()).join("");
      summary("sweep pass, Redis lost mid-pass and back empty", {
        repositories: world.reminderRepos.length,
        posted_before_loss: lost.filter((n) => n > 0).length,
        posted_after: counts.filter((n) => n > 0).length,
        duplicates: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
        failed_jobs: failed,
      });
      for (const { server } of replicas) expect(server.child.exitCode).toBeNull();
      expect(logs).toContain("sweep queue: lost Redis; jobs resume when it is back");
      expect(lost.some((n) => n === 0)).toBe(true);
      expect(counts.every((n) => n === 1)).toBe(true);
      expect(failed).toBe(0);
    },
    TIMEOUT_MS,
  );
});
