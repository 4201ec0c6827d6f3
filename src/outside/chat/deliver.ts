import type { DeliveryOutcome } from "../../features/outward/delivery-outcome.js";
import { FORMATS } from "../../features/outward/formats/index.js";
import type { TargetBatch } from "../../features/outward/route-notices.js";

/**
 * Posts each target's notices in order, each with a short timeout, retried with
 * back-off on network errors, timeouts, 429 and 5xx. A target that still fails is
 * given up for this batch (its later notices would only wait on it too) and its
 * failure is returned, never thrown: chat never fails the GitHub side.
 */
export interface DeliveryOptions {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** The environment the URLs are read from (by the names in the config). */
  env: Readonly<Record<string, string | undefined>>;
  timeoutMs: number;
  attempts: number;
}

const BACKOFF_MS = [500, 2_000, 5_000, 10_000];
const MAX_RETRY_AFTER_MS = 10_000;

export async function deliverBatches(batches: readonly TargetBatch[], options: DeliveryOptions) {
  return Promise.all(batches.map((batch) => deliverBatch(batch, options)));
}

export type { DeliveryOutcome };

async function deliverBatch(batch: TargetBatch, options: DeliveryOptions): Promise<DeliveryOutcome> {
  const { name, target, notices } = batch;
  const outcome: DeliveryOutcome = {
    name,
    type: target.type,
    envName: target.urlFrom,
    delivered: [],
    failure: null,
  };
  const url = options.env[target.urlFrom]?.trim();
  if (!url) {
    outcome.failure = {
      reason: `the environment variable \`${target.urlFrom}\` is not set where the app runs`,
      undelivered: [...notices],
    };
    return outcome;
  }
  for (const [index, notice] of notices.entries()) {
    const problem = await post(url, FORMATS[target.type](notice), options);
    if (problem) {
      outcome.failure = { reason: problem, undelivered: notices.slice(index) };
      return outcome;
    }
    outcome.delivered.push(notice);
  }
  return outcome;
}

/** Null when delivered, else why not (status or error code only: the URL is a secret). */
async function post(url: string, body: unknown, options: DeliveryOptions): Promise<string | null> {
  let problem = "not attempted";
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    let wait = BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)] as number;
    try {
      const response = await options.fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "incident-app" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return null;
      problem = `HTTP ${response.status}`;
      if (!retryable(response.status)) return `${problem} (not retried)`;
      wait = Math.max(wait, retryAfter(response.headers.get("retry-after")));
    } catch (error) {
      problem = errorCode(error, options.timeoutMs);
    }
    if (attempt < options.attempts) await options.sleep(wait);
  }
  return `${problem} after ${options.attempts} ${options.attempts === 1 ? "attempt" : "attempts"}`;
}

function retryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

function retryAfter(header: string | null): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : 0;
}

function errorCode(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError") return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === "string" ? `network error ${cause.code}` : "network error";
}
