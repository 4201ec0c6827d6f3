import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { startRedisServer } from "../../test/reliability/support/redis-server.js";
import { removeFleetLayout, startFleet } from "../../test/support/replica-fleet.js";
import { remindersPerRepo, startScaleWorld } from "../../test/support/scale-world.js";

/**
 * `npm run bench:scale`: one sweep pass over many installations (issue 19) with 1, 2
 * and 4 replicas of the production build, as separate processes sharing a real
 * redis-server, against the simulator with a fixed delay on every request the app
 * makes. Writes `sweepPass` into bench/results.json (the rest of the file is kept).
 * SCALE_INSTALLATIONS, SCALE_DELAY_MS, SCALE_CONCURRENCY, SCALE_REPLICAS shrink it.
 */
const OUT = new URL("../../bench/results.json", import.meta.url);
const SECRET = "scale-webhook-secret";
const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const settings = {
  installations: number("SCALE_INSTALLATIONS", 1_000),
  busyRepos: number("SCALE_BUSY_REPOS", 10),
  incidentsPerBusyRepo: number("SCALE_INCIDENTS", 100),
  delayMs: number("SCALE_DELAY_MS", 100),
  concurrencyPerReplica: number("SCALE_CONCURRENCY", 16),
  perInstallation: 2,
};
const replicaCounts = (process.env.SCALE_REPLICAS ?? "1,2,4").split(",").map(Number);

interface PassResult {
  replicas: number;
  wallSeconds: number;
  requests: number;
  tokenRequests: number;
  jobs: number;
  failedJobs: number;
  reminders: number;
  duplicates: number;
  missing: number;
  /** Where the time went on this machine: the simulator (this process) and all replicas together. */
  cpuSeconds: { simulator: number; replicas: number };
}

async function onePass(replicas: number): Promise<PassResult> {
  const redis = await startRedisServer();
  const world = await startScaleWorld({ ...settings, webhookSecret: SECRET });
  const fleet = await startFleet({
    sim: world.sim,
    redisUrl: `redis://${redis.host}:${redis.port}`,
    replicas,
    webhookSecret: SECRET,
    env: {
      SWEEP_CONCURRENCY: String(settings.concurrencyPerReplica),
      SWEEP_CONCURRENCY_PER_INSTALLATION: String(settings.perInstallation),
    },
  });
  try {
    const before = world.sim.log.length;
    const cpuBefore = { sim: process.cpuUsage(), replicas: fleet.cpuSeconds() };
    const pass = await fleet.sweepPass(1);
    const simCpu = process.cpuUsage(cpuBefore.sim);
    const replicaCpu = fleet.cpuSeconds().map((s, i) => s - (cpuBefore.replicas[i] ?? 0));
    const made = world.sim.log.slice(before);
    if (process.env.SCALE_DUMP)
      writeFileSync(
        `${process.env.SCALE_DUMP}-${replicas}.jsonl`,
        made.map((e) => JSON.stringify({ at: e.at, path: e.path, op: e.graphql, auth: e.auth })).join("\n"),
      );
    const counts = await remindersPerRepo(world.sim, world.reminderRepos);
    const values = [...counts.values()];
    return {
      replicas,
      wallSeconds: Math.round(pass.wallMs / 100) / 10,
      requests: made.filter((e) => e.auth === "installation").length,
      tokenRequests: made.filter((e) => /access_tokens$/.test(e.path)).length,
      jobs: pass.completed,
      failedJobs: pass.failed,
      reminders: values.reduce((sum, n) => sum + n, 0),
      duplicates: values.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      missing: values.filter((n) => n === 0).length,
      cpuSeconds: {
        simulator: Math.round((simCpu.user + simCpu.system) / 1e5) / 10,
        replicas: Math.round(replicaCpu.reduce((a, b) => a + b, 0) * 10) / 10,
      },
    };
  } finally {
    await fleet.close();
    await world.close();
    await redis.stop();
  }
}

const started = Date.now();
const loadBefore = loadavg()[0] ?? 0;
const passes: PassResult[] = [];
for (const replicas of replicaCounts) {
  const result = await onePass(replicas);
  passes.push(result);
  console.log(JSON.stringify(result));
}
await removeFleetLayout();
const one = passes.find((p) => p.replicas === 1);
const four = passes.find((p) => p.replicas === 4);
const sweepPass = {
  what: "one sweep pass over every installation, replicas sharing Redis (BullMQ)",
  ...settings,
  passes,
  speedup4x: one && four ? Math.round((one.wallSeconds / four.wallSeconds) * 10) / 10 : null,
  // The pass is CPU-bound with 4 replicas on 2 cores: other work on the machine shows here.
  machine: { cpus: cpus().length, loadBefore, loadAfter: loadavg()[0] ?? 0 },
  seconds: Math.round((Date.now() - started) / 1000),
};
let results: Record<string, unknown> = {};
try {
  results = JSON.parse(readFileSync(OUT, "utf8")) as Record<string, unknown>;
} catch {}
writeFileSync(OUT, `${JSON.stringify({ ...results, sweepPass }, null, 2)}\n`);
console.log(
  `wrote sweepPass to bench/results.json in ${sweepPass.seconds}s (4 replicas: ${sweepPass.speedup4x}× faster)`,
);
