import {
  classifySlackError,
  SlackCallError,
  type SlackFailure,
  SlackMissingScopeError,
  SlackUnavailableError,
} from "./slack-errors.js";

/**
 * One Web API call with bounded retries: rate limits wait what `Retry-After` says
 * (capped), outages back off exponentially. The WebClient is made with
 * `rejectRateLimitedCalls` and no retries of its own, so waiting happens only here
 * and a webhook handler never sleeps for minutes.
 */

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  /** A longer `Retry-After` than this gives up (the incident carries on; the channel is late). */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export async function callSlack<T>(method: string, call: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  let last: SlackFailure = { kind: "unavailable", detail: "not tried" };
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      return await call();
    } catch (error) {
      last = classifySlackError(error);
      if (last.kind === "missing-scope") throw new SlackMissingScopeError(method, last.needed, last.provided);
      if (last.kind === "platform") throw new SlackCallError(method, last.code);
      const wait =
        last.kind === "rate-limited"
          ? last.retryAfterSeconds * 1000
          : policy.baseDelayMs * 2 ** (attempt - 1);
      if (attempt === policy.attempts || wait > policy.maxDelayMs) break;
      await policy.sleep(wait);
    }
  }
  throw new SlackUnavailableError(method, policy.attempts, last);
}
