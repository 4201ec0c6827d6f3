import { setTimeout as sleep } from "node:timers/promises";
import { DelayedError, type Job, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { Logger } from "probot";
import { backoffMs, JOB_ATTEMPTS, type QueueHealth, type SweepQueue } from "./queue-health.js";
import { runSweepJob, type SweepJobDeps } from "./run-sweep-job.js";
import { describeJob, type SweepJob, sweepJobId, sweepWindow } from "./sweep-jobs.js";

/**
 * The sweep on BullMQ (§12 scale-out): one job scheduler adds a `pass` job per sweep
 * interval (however many replicas ask for it), and every replica runs a worker.
 * Jobs carry ids per window, so a pass retried, or run by two replicas, adds each
 * installation's and each repository's job once. A replica that dies mid-job loses its
 * lock; after `leaseMs` another worker picks the job up (stalled-job handling).
 */
export const SWEEP_QUEUE = "incident-app-sweep";
const SCHEDULER = "sweep-pass";

export interface BullmqQueueOptions {
  redisUrl: string;
  intervalMs: number | null;
  concurrency: number;
  /** How long a job's lock lasts without renewal: a dead replica's jobs restart after this. */
  leaseMs: number;
  backoffBaseMs?: number;
  log: Logger;
}

type JobData = SweepJob;

function windowOf(job: Job<JobData>, intervalMs: number): number {
  if (job.data.kind === "pass" && job.data.window >= 0) return job.data.window;
  // A scheduler's job id ends with the time it was scheduled for: that is its window.
  const millis = Number(/(\d+)$/.exec(job.id ?? "")?.[1]);
  return sweepWindow(Number.isFinite(millis) && millis > 0 ? millis : Date.now(), intervalMs);
}

export async function startBullmqQueue(
  deps: Omit<SweepJobDeps, "enqueue" | "wake">,
  options: BullmqQueueOptions,
): Promise<SweepQueue> {
  const { log } = options;
  const intervalMs = options.intervalMs ?? 3_600_000;
  // BullMQ's workers block on Redis: no per-request retry limit, reconnect forever.
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  let connected = false;
  connection.on("ready", () => {
    if (!connected) log.info("sweep queue: connected to Redis");
    connected = true;
  });
  connection.on("error", () => {});
  connection.on("close", () => {
    if (connected) log.warn("sweep queue: lost Redis; jobs resume when it is back");
    connected = false;
  });
  const queue = new Queue<JobData>(SWEEP_QUEUE, { connection });
  queue.on("error", () => {});
  const keepCompleted = { age: Math.ceil((2 * intervalMs) / 1000), count: 100_000 };
  const jobOptions = {
    attempts: JOB_ATTEMPTS,
    backoff: { type: "exponential", delay: options.backoffBaseMs ?? backoffMs(1) },
    // Completed ids stay for two windows, so a repeated add within the window is a no-op.
    removeOnComplete: keepCompleted,
    removeOnFail: { age: 7 * 24 * 3600 },
  };
  const enqueue = async (jobs: SweepJob[]) => {
    if (jobs.length === 0) return;
    await queue.addBulk(
      jobs.map((job) => ({ name: job.kind, data: job, opts: { ...jobOptions, jobId: sweepJobId(job) } })),
    );
  };
  // The waiter's own worker may still be parking it (moving it to `delayed`): a few
  // short tries, then its wait runs out by itself.
  const wake = async (id: string) => {
    for (let tries = 0; tries < 4; tries++) {
      const job = await queue.getJob(id);
      const state = await job?.getState();
      if (state === "delayed") return void (await job?.promote().catch(() => {}));
      if (state !== "active") return;
      await sleep(25);
    }
  };
  const jobDeps: SweepJobDeps = { ...deps, enqueue, wake };

  const worker = new Worker<JobData>(
    SWEEP_QUEUE,
    async (job, token) => {
      const data: SweepJob =
        job.data.kind === "pass" ? { kind: "pass", window: windowOf(job, intervalMs) } : job.data;
      const outcome = await runSweepJob(data, jobDeps);
      if (outcome.kind === "later") {
        log.debug(
          { ...describeJob(data), until: new Date(outcome.until).toISOString(), why: outcome.why },
          "sweep job waits",
        );
        await job.moveToDelayed(outcome.until, token);
        throw new DelayedError();
      }
      return outcome;
    },
    {
      connection: connection.duplicate(),
      concurrency: options.concurrency,
      lockDuration: options.leaseMs,
      stalledInterval: options.leaseMs,
      maxStalledCount: 2,
    },
  );
  worker.on("error", (error) => log.debug({ err: error }, "sweep worker: Redis error"));
  worker.on("stalled", (id) =>
    log.warn({ job: id }, "sweep job stalled (its replica stopped); another worker takes it"),
  );
  worker.on("failed", (job, error) => {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    const fields = { ...describeJob(job.data), attempt: job.attemptsMade, of: attempts, err: error };
    if (job.attemptsMade < attempts) log.warn(fields, "sweep job failed; retrying");
    else log.error(fields, job.data.kind === "repo" ? "sweep failed for a repository" : "sweep job failed");
  });

  if (options.intervalMs !== null) {
    // Every replica says the same; Redis keeps one scheduler.
    void queue
      .upsertJobScheduler(
        SCHEDULER,
        { every: options.intervalMs },
        { name: "pass", data: { kind: "pass", window: -1 }, opts: jobOptions },
      )
      .catch((error: unknown) => log.warn({ err: error }, "sweep queue: could not set the schedule yet"));
  }

  return {
    async sweepNow(window = sweepWindow(Date.now(), intervalMs)) {
      await enqueue([{ kind: "pass", window }]);
    },
    async health(): Promise<QueueHealth> {
      const counts = connected
        ? await queue
            .getJobCounts("waiting", "active", "delayed", "failed", "completed", "prioritized")
            .catch(() => null)
        : null;
      return {
        mode: "redis",
        connected: connected && counts !== null,
        waiting: (counts?.waiting ?? 0) + (counts?.prioritized ?? 0),
        active: counts?.active ?? 0,
        delayed: counts?.delayed ?? 0,
        failed: counts?.failed ?? 0,
        completed: counts?.completed ?? 0,
      };
    },
    async stop() {
      await worker.close();
      await queue.close();
      connection.disconnect();
    },
  };
}
