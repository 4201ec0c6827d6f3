import { Redis } from "ioredis";
import type { Probot } from "probot";
import { botLoginResolver } from "../github/bot-login.js";
import { readFormTemplate } from "../pipelines/app-deps.js";
import type { OutsideDeps } from "../pipelines/converge-incident.js";
import type { IssueLock } from "../pipelines/issue-lock.js";
import { startBullmqQueue } from "./bullmq-queue.js";
import { localSlots, sharedSlots } from "./installation-slots.js";
import { startLocalQueue } from "./local-queue.js";
import type { QueueHealth, SweepQueue } from "./queue-health.js";
import { localRateBudget, sharedRateBudget } from "./rate-budget.js";

/**
 * The sweep's queue as the server runs it: BullMQ on `REDIS_URL`, shared by every
 * replica; without Redis the same jobs in this process. Redis unreachable at start
 * is said loudly; the queue then waits for Redis (jobs resume when it answers), or,
 * only when `fallback` says so, sweeps in this process alone.
 */
export interface SweepQueueSettings {
  intervalMs: number | null;
  redisUrl: string | null;
  /** Jobs at once in this replica. */
  concurrency: number;
  /** Jobs at once per installation (across replicas with Redis). */
  perInstallation: number;
  leaseMs: number;
  fallback: "wait" | "in-process";
  clock?: () => Date;
  /** The webhook handlers' turns per issue. */
  lock?: IssueLock;
  /** Chat, paging, the status page and the war room, shared with the webhook handlers. */
  outside?: OutsideDeps;
  onRun?: (summary: { repos: number; actions: number; failed: number }) => void;
}

export async function redisAnswers(url: string, timeoutMs = 2_000): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  probe.on("error", () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

export async function startSweepQueue(probot: Probot, settings: SweepQueueSettings): Promise<SweepQueue> {
  const base = {
    probot,
    clock: settings.clock ?? (() => new Date()),
    botLogin: botLoginResolver(probot),
    formTemplate: readFormTemplate(),
    log: probot.log,
    busyWaitMs: 1_000,
    ...(settings.lock ? { lock: settings.lock } : {}),
    ...(settings.outside ? { outside: settings.outside } : {}),
  };
  const local = () =>
    startLocalQueue(
      { ...base, slots: localSlots(settings.perInstallation), budget: localRateBudget() },
      {
        intervalMs: settings.intervalMs,
        concurrency: settings.concurrency,
        log: probot.log,
        ...(settings.onRun ? { onRun: settings.onRun } : {}),
      },
    );
  if (!settings.redisUrl) return local();
  if (!(await redisAnswers(settings.redisUrl))) {
    if (settings.fallback === "in-process") {
      probot.log.warn(
        "sweep queue: Redis (REDIS_URL) does not answer; sweeping in this process alone (QUEUE_FALLBACK=in-process)",
      );
      return withDegraded(local());
    }
    probot.log.error(
      "sweep queue: Redis (REDIS_URL) does not answer; the sweep waits for it. " +
        "Set QUEUE_FALLBACK=in-process to sweep in this process alone (every replica then sweeps everything).",
    );
  }
  const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 2 });
  redis.on("error", () => {});
  return startBullmqQueue(
    {
      ...base,
      slots: sharedSlots(redis, settings.perInstallation, settings.leaseMs),
      budget: sharedRateBudget(redis),
    },
    {
      redisUrl: settings.redisUrl,
      intervalMs: settings.intervalMs,
      concurrency: settings.concurrency,
      leaseMs: settings.leaseMs,
      log: probot.log,
    },
  );
}

/** The fallback reports itself as not connected: the health check shows Redis is missing. */
function withDegraded(queue: SweepQueue): SweepQueue {
  return {
    ...queue,
    async health(): Promise<QueueHealth> {
      return { ...(await queue.health()), connected: false };
    },
  };
}
