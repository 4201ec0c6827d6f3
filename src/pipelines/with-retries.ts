import { classifyFailure } from "../github/request-failure.js";
import { type RetryPolicy, sleep } from "../github/retry-policy.js";

/**
 * Runs a whole handler pipeline again when GitHub fails it in a way worth retrying.
 * Each run starts from a fresh read, so a write whose answer was lost is seen as done
 * and not repeated. Runs are bounded in number and in time (GitHub stops waiting for
 * the answer at about 10 s); when they run out, the error is thrown and the next
 * event on the incident finishes the work (the state is recomputed from history).
 */
export interface RetryLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export async function withRetries<T>(
  /** `final`: no run follows this one, so a failure worth retrying is reported now, not retried. */
  run: (attempt: number, final: boolean) => Promise<T>,
  policy: RetryPolicy,
  log: RetryLog,
): Promise<T> {
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    const nextWait = policy.backoffMs * 2 ** (attempt - 1) * policy.timeScale;
    const final = attempt >= policy.attempts || performance.now() - started + nextWait > policy.budgetMs;
    try {
      return await run(attempt, final);
    } catch (error) {
      const failure = classifyFailure(error);
      const backoff = policy.backoffMs * 2 ** (attempt - 1) * (0.5 + policy.random() / 2);
      const waitMs = Math.max(backoff, failure.retryAfterMs ?? 0) * policy.timeScale;
      const elapsed = performance.now() - started;
      const fields = { attempt, reason: failure.reason, elapsedMs: Math.round(elapsed) };
      if (!failure.retry || attempt >= policy.attempts || elapsed + waitMs > policy.budgetMs) {
        log.warn(fields, "giving up on this event; the next event on the incident will finish the work");
        throw error;
      }
      log.info({ ...fields, waitMs: Math.round(waitMs) }, "GitHub failed a request; running the event again");
      await sleep(waitMs);
    }
  }
}
