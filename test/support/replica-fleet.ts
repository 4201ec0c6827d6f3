import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import type { Simulator } from "@incident-app/github-simulator";
import { Queue } from "bullmq";
import { SWEEP_QUEUE } from "../../src/jobs/bullmq-queue.js";
import { type SweepJob, sweepJobId } from "../../src/jobs/sweep-jobs.js";
import { buildProductionLayout, freePort, type ServerProcess, startServerProcess } from "./server-process.js";

/**
 * Replicas of the production build (`npm start`'s command), each its own process,
 * sharing one Redis through REDIS_URL, pointed at the simulator. The sweep's schedule
 * is off (`SWEEP_INTERVAL=off`): a test adds the pass itself, once every replica is up,
 * and waits until the queue is empty.
 */
export interface FleetOptions {
  sim: Simulator;
  redisUrl: string;
  replicas: number;
  webhookSecret: string;
  env?: NodeJS.ProcessEnv;
}

export interface Replica {
  server: ServerProcess;
  port: number;
}

export interface Fleet {
  replicas: Replica[];
  /**
   * Adds the pass for `window` (`copies` times at once, as that many schedulers would);
   * resolves with the jobs it became once none is left.
   */
  sweepPass(window: number, copies?: number): Promise<{ wallMs: number; completed: number; failed: number }>;
  /** Adds the pass for `window` and returns at once. */
  addPass(window: number): Promise<void>;
  /** CPU seconds (user + system) each replica has used so far (Linux). */
  cpuSeconds(): number[];
  /** Each replica's peak resident memory so far, in MB (Linux: VmHWM). */
  peakRssMb(): number[];
  close(): Promise<void>;
}

const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
  type: "pkcs1",
  format: "pem",
}) as string;

let layout: Promise<string> | null = null;

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  layout ??= buildProductionLayout();
  const root = await layout;
  const replicas: Replica[] = [];
  for (let i = 0; i < options.replicas; i++) {
    const port = await freePort();
    const server = startServerProcess(
      {
        NODE_ENV: "production",
        APP_ID: "1",
        APP_SLUG: "incident-bot",
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: options.webhookSecret,
        GHE_HOST: new URL(options.sim.url).host,
        GHE_PROTOCOL: "http",
        HOST: "127.0.0.1",
        PORT: String(port),
        REDIS_URL: options.redisUrl,
        SWEEP_INTERVAL: "off",
        LOG_LEVEL: "info",
        LOG_FORMAT: "json",
        ...options.env,
      },
      root,
      // SCALE_CPU_PROF=<folder>: each replica writes a CPU profile there when the fleet closes.
      process.env.SCALE_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.SCALE_CPU_PROF}`] : [],
    );
    replicas.push({ server, port });
  }
  for (const { server } of replicas) await server.waitFor(/Listening on/, 60_000);
  const queue = new Queue<SweepJob>(SWEEP_QUEUE, { connection: { url: options.redisUrl } });
  // A test may stop Redis on purpose: the queue reconnects by itself.
  queue.on("error", () => {});
  return {
    replicas,
    async addPass(window) {
      const pass: SweepJob = { kind: "pass", window };
      await queue.add("pass", pass, { jobId: sweepJobId(pass), removeOnComplete: { age: 3600 } });
    },
    async sweepPass(window, copies = 1) {
      const started = performance.now();
      const before = await queue.getJobCounts("completed", "failed");
      const pass: SweepJob = { kind: "pass", window };
      await Promise.all(
        Array.from({ length: copies }, () =>
          queue.add("pass", pass, { jobId: sweepJobId(pass), removeOnComplete: { age: 3600 } }),
        ),
      );
      for (;;) {
        const counts = await queue.getJobCounts(
          "waiting",
          "active",
          "delayed",
          "prioritized",
          "completed",
          "failed",
        );
        const left =
          (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0);
        const finished =
          (counts.completed ?? 0) > (before.completed ?? 0) || (counts.failed ?? 0) > (before.failed ?? 0);
        if (left === 0 && finished)
          return {
            wallMs: Math.round(performance.now() - started),
            completed: (counts.completed ?? 0) - (before.completed ?? 0),
            failed: (counts.failed ?? 0) - (before.failed ?? 0),
          };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    cpuSeconds() {
      return replicas.map(({ server }) => {
        try {
          const stat =
            readFileSync(`/proc/${server.child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
          return (Number(stat[11]) + Number(stat[12])) / 100;
        } catch {
          return 0;
        }
      });
    },
    peakRssMb() {
      return replicas.map(({ server }) => {
        try {
          const status = readFileSync(`/proc/${server.child.pid}/status`, "utf8");
          return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 102.4) / 10;
        } catch {
          return 0;
        }
      });
    },
    async close() {
      await queue.close();
      // A profile is written on a clean exit only (SIGTERM stops the server cleanly).
      const signal = process.env.SCALE_CPU_PROF ? "SIGTERM" : "SIGKILL";
      for (const { server } of replicas) if (server.child.exitCode === null) server.child.kill(signal);
      await Promise.all(replicas.map(({ server }) => server.exited));
    },
  };
}

/** The production layout folder, once every fleet of this process is done with it. */
export async function removeFleetLayout(): Promise<void> {
  if (layout) await rm(await layout, { recursive: true, force: true });
  layout = null;
}
