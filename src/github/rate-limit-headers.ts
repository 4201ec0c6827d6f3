import type { Octokit } from "./client.js";

/**
 * What GitHub says about an installation's primary rate limit on every answer:
 * `x-ratelimit-remaining` requests left until `x-ratelimit-reset` (epoch seconds).
 * Failed answers (403/429 for a spent limit) carry the same headers.
 */
export interface RateLimitReading {
  remaining: number;
  resetAt: number;
}

type Headers = Record<string, string | number | undefined>;

export function readRateLimit(headers: Headers | undefined): RateLimitReading | null {
  const remaining = Number(headers?.["x-ratelimit-remaining"]);
  const reset = Number(headers?.["x-ratelimit-reset"]);
  if (
    !Number.isFinite(remaining) ||
    !Number.isFinite(reset) ||
    headers?.["x-ratelimit-remaining"] === undefined
  )
    return null;
  return { remaining, resetAt: reset * 1000 };
}

/** Calls `observe` with each answer's reading; the request itself is untouched. */
export function watchRateLimit(octokit: Octokit, observe: (reading: RateLimitReading) => void): Octokit {
  octokit.hook.after("request", (response) => {
    const reading = readRateLimit(response.headers as Headers);
    if (reading) observe(reading);
  });
  octokit.hook.error("request", (error) => {
    const reading = readRateLimit((error as { response?: { headers?: Headers } }).response?.headers);
    if (reading) observe(reading);
    throw error;
  });
  return octokit;
}
