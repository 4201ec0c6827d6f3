import type { Logger } from "probot";
import { backoffMs, JOB_ATTEMPTS, type QueueHealth, type SweepQueue } from "./queue-health.js";
import { runSweepJob, type SweepJobDeps } from "./run-sweep-job.js";
import { describeJob, type SweepJob, sweepJobId } from "./sweep-jobs.js";

/**
 * The sweep's jobs in this process alone (no `REDIS_URL`, or Redis unreachable and
 * `QUEUE_FALLBACK=in-process`): the same jobs and handlers as on BullMQ, with the same
 * bounds, retries and waiting. A pass still running when the next is due is not doubled.
 */
export interface LocalQueueOptions {
  intervalMs: number | null;
  concurrency: number;
  backoffBaseMs?: number;
  attempts?: number;
  log: Logger;
  onRun?: (summary: { repos: number; actions: number; failed: number }) => void;
}

interface Queued {
  job: SweepJob;
  attempt: number;
}

export function startLocalQueue(
  deps: Omit<SweepJobDeps, "enqueue" | "wake">,
  options: LocalQueueOptions,
): SweepQueue {
  const waiting: Queued[] = [];
  const seen = new Set<string>();
  const counts = { active: 0, delayed: 0, failed: 0, completed: 0 };
  /** Jobs waiting for their installation's slot, by id: each runs now when woken. */
  const parked = new Map<string, () => void>();
  let pass: { repos: number; actions: number; failed: number; open: number } | null = null;
  let window = 0;
  let stopped = false;
  const jobDeps: SweepJobDeps = {
    ...deps,
    enqueue: async (jobs) => {
      for (const job of jobs) add(job);
    },
    wake: async (id) => parked.get(id)?.(),
  };

  const add = (job: SweepJob, attempt = 1) => {
    const id = sweepJobId(job);
    if (attempt === 1) {
      if (seen.has(id)) return;
      seen.add(id);
      if (pass) pass.open += 1;
    }
    waiting.push({ job, attempt });
    pump();
  };
  const later = (queued: Queued, at: number, waitsForSlot = false) => {
    counts.delayed += 1;
    const id = sweepJobId(queued.job);
    const resume = () => {
      clearTimeout(timer);
      if (waitsForSlot) parked.delete(id);
      counts.delayed -= 1;
      waiting.push(queued);
      pump();
    };
    const timer = setTimeout(resume, Math.max(0, at - Date.now()));
    timer.unref?.();
    if (waitsForSlot) parked.set(id, resume);
  };
  const settle = () => {
    if (!pass || --pass.open > 0) return;
    const { repos, actions, failed } = pass;
    pass = null;
    seen.clear();
    options.onRun?.({ repos, actions, failed });
  };
  const run = async (queued: Queued) => {
    const { job } = queued;
    try {
      const outcome = await runSweepJob(job, jobDeps);
      if (outcome.kind === "later") return later(queued, outcome.until, outcome.why === "busy");
      counts.completed += 1;
      if (pass) {
        pass.repos += outcome.swept;
        pass.actions += outcome.actions;
      }
      settle();
    } catch (error) {
      const attempts = options.attempts ?? JOB_ATTEMPTS;
      const fields = { ...describeJob(job), attempt: queued.attempt, of: attempts, err: error };
      if (queued.attempt < attempts) {
        options.log.warn(fields, "sweep job failed; retrying");
        return later(
          { job, attempt: queued.attempt + 1 },
          Date.now() + backoffMs(queued.attempt, options.backoffBaseMs),
        );
      }
      options.log.error(fields, job.kind === "repo" ? "sweep failed for a repository" : "sweep job failed");
      counts.failed += 1;
      if (pass) pass.failed += 1;
      settle();
    }
  };
  const pump = () => {
    while (!stopped && counts.active < options.concurrency && waiting.length > 0) {
      const next = waiting.shift() as Queued;
      counts.active += 1;
      void run(next).finally(() => {
        counts.active -= 1;
        pump();
      });
    }
  };
  const sweepNow = async () => {
    if (pass) return;
    pass = { repos: 0, actions: 0, failed: 0, open: 0 };
    add({ kind: "pass", window: ++window });
  };
  const timer = options.intervalMs === null ? null : setInterval(() => void sweepNow(), options.intervalMs);
  timer?.unref?.();
  return {
    sweepNow,
    async health(): Promise<QueueHealth> {
      return { mode: "in-process", connected: true, waiting: waiting.length, ...counts };
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },
  };
}
