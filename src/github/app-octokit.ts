import type { Octokit as CoreOctokit } from "@octokit/core";
import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";
import { withGraphqlJson } from "./graphql-json.js";
import { isRepeatable, type RequestShape } from "./repeatable-requests.js";
import { PRODUCTION_RETRY_POLICY, type RetryPolicy } from "./retry-policy.js";

/**
 * Probot's Octokit, set up for production: the retry plugin repeats only requests
 * that are safe to repeat, with short back-off; the throttling plugin spaces writes
 * (shared between replicas through Redis when `REDIS_URL` is set) and waits out
 * primary and secondary rate limits when GitHub's `retry-after` fits in the handler's
 * time, which Probot's own settings do not do for secondary limits. GraphQL
 * answers are parsed with JSON.parse (graphql-json.ts).
 */
export type AppOctokitClass = typeof ProbotOctokit;

type Limiter = (
  retryAfter: number,
  options: { method: string; url: string },
  octokit: CoreOctokit,
  retryCount: number,
) => boolean;

interface ThrottleOptions {
  enabled?: boolean;
  Bottleneck?: typeof Bottleneck;
  connection?: Bottleneck.IORedisConnection | Bottleneck.RedisConnection;
  timeout?: number;
  [key: string]: unknown;
}

/** GitHub's plugin defaults (writes 1 s apart, comment-creating REST requests 3 s apart), scaled. */
function throttleGroups(throttle: ThrottleOptions, timeScale: number) {
  const Limiter = throttle.Bottleneck ?? Bottleneck;
  const common = {
    // An idle limiter is dropped after this. With REDIS_URL every limiter (one per group and
    // installation) beats on Redis every 5 s while it lives: a sweep over a thousand
    // installations would keep thousands beating. 15 s still spans the longest spacing (3 s).
    timeout: throttle.timeout ?? 15_000,
    ...(throttle.connection ? { connection: throttle.connection } : {}),
  };
  const group = (id: string, maxConcurrent: number, minTime: number) =>
    new Limiter.Group({ id, maxConcurrent, minTime: Math.round(minTime * timeScale), ...common });
  return {
    global: group("octokit-global", 10, 0),
    auth: group("octokit-auth", 1, 0),
    search: group("octokit-search", 1, 2_000),
    write: group("octokit-write", 1, 1_000),
    notifications: group("octokit-notifications", 1, 3_000),
  };
}

/** Marks requests that add something so the retry plugin leaves them to the handler. */
function noBlindRepeats(octokit: CoreOctokit) {
  octokit.hook.before("request", (options) => {
    const request = options as RequestShape & { request?: Record<string, unknown> };
    if (!isRepeatable(request)) request.request = { ...request.request, retries: 0 };
  });
  return {};
}

export function createAppOctokit(policy: RetryPolicy = PRODUCTION_RETRY_POLICY): AppOctokitClass {
  let groups: ReturnType<typeof throttleGroups> | null = null;
  const waitFor =
    (what: string): Limiter =>
    (retryAfter, options, octokit, retryCount) => {
      const wait = retryCount < 2 && retryAfter <= policy.maxRetryAfterSeconds;
      octokit.log.warn(
        `${what} on ${options.method} ${options.url}: ${wait ? `retrying in ${retryAfter} s` : "giving up for this event"}`,
      );
      return wait;
    };
  return withGraphqlJson(ProbotOctokit)
    .plugin(noBlindRepeats)
    .defaults((options: Record<string, unknown>) => {
      const throttle = (options.throttle ?? {}) as ThrottleOptions;
      groups ??= throttleGroups(throttle, policy.timeScale);
      return {
        ...options,
        retry: {
          enabled: true,
          retries: policy.requestRetries,
          // Waits 1× then 4× this: 250 ms and 1 s in production.
          retryAfterBaseValue: 250 * policy.timeScale,
          // 429 is a rate limit: the throttling plugin decides about it, honouring `retry-after`.
          doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
        },
        throttle: {
          ...groups,
          ...throttle,
          retryAfterBaseValue: 1000 * policy.timeScale,
          onRateLimit: waitFor("Rate limit"),
          onSecondaryRateLimit: waitFor("Secondary rate limit"),
        },
      };
    }) as unknown as AppOctokitClass;
}
