/**
 * One HTTP request with bounded retries: on 429 and 5xx answers and on network
 * errors, waiting as Retry-After asks (capped) or with exponential back-off.
 * Returns the last answer, or the last network error, never throws.
 */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Per attempt; a request that takes longer is aborted and counted as failed. */
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  /** 0..1; spreads replicas' retries apart. */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  timeoutMs: 10_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export type Attempted =
  | { kind: "answer"; status: number; body: unknown; attempts: number }
  | { kind: "no-answer"; message: string; attempts: number };

export async function sendWithRetries(
  send: (signal: AbortSignal) => Promise<Response>,
  policy: RetryPolicy,
): Promise<Attempted> {
  let last: Attempted = { kind: "no-answer", message: "not attempted", attempts: 0 };
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let retryAfterMs: number | null = null;
    try {
      const response = await send(AbortSignal.timeout(policy.timeoutMs));
      const body = await readBody(response);
      last = { kind: "answer", status: response.status, body, attempts: attempt };
      if (!isRetryable(response.status)) return last;
      retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), Date.now());
    } catch (error) {
      last = { kind: "no-answer", message: describeError(error), attempts: attempt };
    }
    if (attempt < policy.attempts) await policy.sleep(delayFor(attempt, retryAfterMs, policy));
  }
  return last;
}

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

function delayFor(attempt: number, retryAfterMs: number | null, policy: RetryPolicy): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
}

/** Retry-After is seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === "") return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return "no answer in time";
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
