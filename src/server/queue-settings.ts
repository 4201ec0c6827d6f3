import { parseDuration } from "../config/duration.js";

/**
 * How the server's sweep queue runs (docs/operating.md): `REDIS_URL` shares it between
 * replicas; `SWEEP_CONCURRENCY` jobs at once per replica (default 8),
 * `SWEEP_CONCURRENCY_PER_INSTALLATION` per installation across replicas (default 2),
 * `SWEEP_JOB_LEASE` before a dead replica's job is taken over (default 30s), and
 * `QUEUE_FALLBACK=in-process` to sweep without Redis when it does not answer at start
 * (default `wait`: never double the work of the replicas silently).
 */
export interface QueueSettings {
  redisUrl: string | null;
  concurrency: number;
  perInstallation: number;
  leaseMs: number;
  fallback: "wait" | "in-process";
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = (env[name] ?? "").trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 1000)
    throw new Error(
      `${name}=${JSON.stringify(raw)} is not a usable number: write a whole number from 1 to 1000.`,
    );
  return value;
}

export function queueSettings(env: NodeJS.ProcessEnv): QueueSettings {
  const lease = (env.SWEEP_JOB_LEASE ?? "").trim() || "30s";
  const leaseMs = parseDuration(lease);
  if (leaseMs === null || leaseMs < 1_000)
    throw new Error(
      `SWEEP_JOB_LEASE=${JSON.stringify(lease)} is not a usable duration: write at least 1s (e.g. 30s).`,
    );
  const fallback = (env.QUEUE_FALLBACK ?? "").trim() || "wait";
  if (fallback !== "wait" && fallback !== "in-process")
    throw new Error(`QUEUE_FALLBACK=${JSON.stringify(fallback)}: write wait (the default) or in-process.`);
  return {
    redisUrl: env.REDIS_URL?.trim() || null,
    concurrency: count(env, "SWEEP_CONCURRENCY", 8),
    perInstallation: count(env, "SWEEP_CONCURRENCY_PER_INSTALLATION", 2),
    leaseMs,
    fallback,
  };
}
