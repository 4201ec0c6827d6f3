import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { Redis } from "ioredis";
import { startRedisServer } from "../../test/reliability/support/redis-server.js";
import { removeFleetLayout, startFleet } from "../../test/support/replica-fleet.js";
import { remindersPerRepo, startScaleWorld } from "../../test/support/scale-world.js";

/**
 * `npm run bench:scale`: one sweep pass over many installations (issue 19) with 1, 2
 * and 4 replicas of the production build, as separate processes sharing a real
 * redis-server, against the simulator with a fixed delay on every request the app
 * makes. Writes `sweepPass` into bench/results.json (the rest of the file is kept).
 * SCALE_INSTALLATIONS, SCALE_DELAY_MS, SCALE_CONCURRENCY, SCALE_REPLICAS shrink it.
 *
 * Every pass is delay-bound only while the machine has CPU to spare: the CPU seconds of
 * the replicas, the simulator (this process) and redis-server are recorded per pass, and
 * `cpuFloorSeconds` (their sum over the cores) is the shortest wall time the pass could
 * take here however many replicas run it.
 */
const OUT = new URL("../../bench/results.json", import.meta.url);
const SECRET = "scale-webhook-secret";
const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const settings = {
  installations: number("SCALE_INSTALLATIONS", 1_000),
  busyRepos: number("SCALE_BUSY_REPOS", 10),
  incidentsPerBusyRepo: number("SCALE_INCIDENTS", 100),
  delayMs: number("SCALE_DELAY_MS", 150),
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
  /** Where the time went on this machine: the simulator (this process), all replicas together, Redis. */
  cpuSeconds: { simulator: number; replicas: number; redis: number };
  /** All of that CPU over the machine's cores: no pass can be shorter here. */
  cpuFloorSeconds: number;
  /** The largest replica's peak resident memory, MB. */
  peakRssMb: number;
  /** The 1-minute load average when the pass started and ended (other work on the machine). */
  load: [number, number];
}

/** redis-server's own CPU seconds so far (INFO cpu). */
async function redisCpuSeconds(url: string): Promise<number> {
  const client = new Redis(url);
  try {
    const info = await client.info("cpu");
    const field = (name: string) => Number(new RegExp(`${name}:([0-9.]+)`).exec(info)?.[1] ?? 0);
    return field("used_cpu_user") + field("used_cpu_sys");
  } finally {
    client.disconnect();
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;

async function onePass(replicas: number): Promise<PassResult> {
  const redis = await startRedisServer();
  const redisUrl = `redis://${redis.host}:${redis.port}`;
  const world = await startScaleWorld({ ...settings, webhookSecret: SECRET });
  const fleet = await startFleet({
    sim: world.sim,
    redisUrl,
    replicas,
    webhookSecret: SECRET,
    env: {
      SWEEP_CONCURRENCY: String(settings.concurrencyPerReplica),
      SWEEP_CONCURRENCY_PER_INSTALLATION: String(settings.perInstallation),
    },
  });
  try {
    const before = world.sim.log.length;
    const loadBefore = loadavg()[0] ?? 0;
    const cpuBefore = {
      sim: process.cpuUsage(),
      replicas: fleet.cpuSeconds(),
      redis: await redisCpuSeconds(redisUrl),
    };
    const pass = await fleet.sweepPass(1);
    const simCpu = process.cpuUsage(cpuBefore.sim);
    const replicaCpu = fleet.cpuSeconds().map((s, i) => s - (cpuBefore.replicas[i] ?? 0));
    const redisCpu = (await redisCpuSeconds(redisUrl)) - cpuBefore.redis;
    const cpuSeconds = {
      simulator: round1((simCpu.user + simCpu.system) / 1e6),
      replicas: round1(replicaCpu.reduce((a, b) => a + b, 0)),
      redis: round1(redisCpu),
    };
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
      cpuSeconds,
      cpuFloorSeconds: round1(
        (cpuSeconds.simulator + cpuSeconds.replicas + cpuSeconds.redis) / cpus().length,
      ),
      peakRssMb: Math.max(...fleet.peakRssMb()),
      load: [round1(loadBefore), round1(loadavg()[0] ?? 0)],
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
  // On 2 cores shared with other work, 4 replicas are CPU-bound: the load average says how shared.
  machine: { cpus: cpus().length, loadBefore: round1(loadBefore), loadAfter: round1(loadavg()[0] ?? 0) },
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
