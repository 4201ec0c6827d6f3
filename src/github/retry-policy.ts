/**
 * How hard the app tries when GitHub answers badly, within the ~10 s GitHub waits for
 * a webhook's answer. Waits are scaled by `timeScale` so tests run the same code
 * without real multi-second sleeps; the budget is real time and is not scaled.
 */
export interface RetryPolicy {
  /** Multiplies every wait (back-off, `retry-after`, throttling gaps): 1 in production. */
  timeScale: number;
  /** Whole read → decide → apply runs per event, the first included. */
  attempts: number;
  /** Real time an event may take before the app stops trying, in ms. */
  budgetMs: number;
  /** Wait before the second run, in ms; it doubles for each run after, with jitter. */
  backoffMs: number;
  /** Retries of one request that is safe to repeat (reads, and writes that set rather than add). */
  requestRetries: number;
  /** Longest `retry-after` worth waiting for inside one handler, in seconds. */
  maxRetryAfterSeconds: number;
  /** Jitter source, in [0, 1). */
  random: () => number;
}

export const PRODUCTION_RETRY_POLICY: RetryPolicy = {
  timeScale: 1,
  attempts: 4,
  // An attempt is not started past this; the last one may run about 2 s longer (1 s write spacing).
  budgetMs: 6_000,
  backoffMs: 300,
  requestRetries: 2,
  maxRetryAfterSeconds: 3,
  random: Math.random,
};

/** The same policy with every wait shrunk (tests: 0.001 turns a second into a millisecond). */
export function scaledRetryPolicy(timeScale: number, overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...PRODUCTION_RETRY_POLICY, timeScale, ...overrides };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
