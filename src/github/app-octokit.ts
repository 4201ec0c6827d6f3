import { createPrivateKey } from "node:crypto";
import type { Octokit as CoreOctokit } from "@octokit/core";
import Bottleneck from "bottleneck";
import type { Redis } from "ioredis";
import { ProbotOctokit } from "probot";
import { type CreateJwt, reusedAppJwt } from "./app-jwt.js";
import { markGraphqlReads, writesOnly } from "./graphql-reads.js";
import { withJsonAnswers } from "./json-answers.js";
import { isRepeatable, type RequestShape } from "./repeatable-requests.js";
import { PRODUCTION_RETRY_POLICY, type RetryPolicy } from "./retry-policy.js";
import { sharedTokenCache, type TokenCache } from "./shared-token-cache.js";

/**
 * Probot's Octokit, set up for production: the retry plugin repeats only requests
 * that are safe to repeat, with short back-off; the throttling plugin spaces writes
 * (shared between replicas through Redis when `REDIS_URL` is set) and waits out
 * primary and secondary rate limits when GitHub's `retry-after` fits in the handler's
 * time, which Probot's own settings do not do for secondary limits. GraphQL queries
 * skip the spacing of writes (graphql-reads.ts). JSON answers are parsed with JSON.parse
 * where that is exact (json-answers.ts). The app's JWT is signed once a minute, not once
 * per installation token (app-jwt.ts).
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

/** The throttling plugin's job expiration with Redis: a dead replica's slot is freed after it. */
const PLUGIN_EXPIRATION_MS = 60_000;
/**
 * How often a limiter on Redis runs Bottleneck's heartbeat script (its default is 5 s). The
 * heartbeat is what frees a dead replica's expired slot for the others; nothing else needs
 * it (spacing and freed slots travel with each write's own scripts), so every 15 s: a dead
 * replica's slot is free again 60–75 s after its write began instead of 60–65 s, for a third
 * of the scripts (bench:scale: a limiter beat 15 times in its idle life, most of Redis's work).
 */
export const THROTTLE_HEARTBEAT_MS = 15_000;
/** A replica whose limiter was not heard of for this long is forgotten (twice the beat, as Bottleneck's defaults). */
const THROTTLE_CLIENT_TIMEOUT_MS = 2 * THROTTLE_HEARTBEAT_MS;
/**
 * How long an idle limiter lives: its Redis keys must outlast the expiration of a dead
 * replica's job plus a heartbeat, or a limiter waiting for that slot loses its keys before
 * a beat frees it, and never runs its queued requests (a sweep job hung for 20 minutes).
 */
export const THROTTLE_GROUP_TIMEOUT_MS = PLUGIN_EXPIRATION_MS + THROTTLE_HEARTBEAT_MS + 15_000;

/** GitHub's plugin defaults (writes 1 s apart, comment-creating REST requests 3 s apart), scaled. */
export function throttleGroups(throttle: ThrottleOptions, timeScale: number) {
  const Limiter = throttle.Bottleneck ?? Bottleneck;
  const common = {
    // An idle limiter is dropped after this. With REDIS_URL every limiter (one per group and
    // installation that wrote) beats on Redis while it lives, so shorter is cheaper; but it
    // must outlast the plugin's job expiration and a heartbeat (THROTTLE_GROUP_TIMEOUT_MS).
    timeout: throttle.timeout ?? THROTTLE_GROUP_TIMEOUT_MS,
    ...(throttle.connection
      ? {
          connection: throttle.connection,
          heartbeatInterval: THROTTLE_HEARTBEAT_MS,
          clientTimeout: THROTTLE_CLIENT_TIMEOUT_MS,
        }
      : {}),
  };
  const group = (id: string, maxConcurrent: number, minTime: number) =>
    new Limiter.Group({ id, maxConcurrent, minTime: Math.round(minTime * timeScale), ...common });
  return {
    // Every request passes the global group: on Redis that is three scripts and a heartbeat
    // per request, the shared Redis's busiest work and most of a sweep job's CPU (bench:scale).
    // Concurrency per installation is kept per process; only the spacing of writes, searches
    // and notifications (GitHub's secondary limits) is shared between replicas.
    global: new Limiter.Group({ id: "octokit-global", maxConcurrent: 10, timeout: common.timeout }),
    // Token requests too: on Redis every installation's auth limiter cost two subscriptions and
    // a heartbeat script every 5 s while it lived, for a limit (one token request at a time)
    // that matters per process; replicas share the tokens themselves (shared-token-cache.ts).
    auth: new Limiter.Group({ id: "octokit-auth", maxConcurrent: 1, timeout: common.timeout }),
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

type ThrottleGroups = ReturnType<typeof throttleGroups>;

/** Bottleneck's words for a limiter whose Redis keys are gone (Redis restarted empty, flushed). */
const LOST_LIMITER = /\b(SETTINGS_KEY_NOT_FOUND|UNKNOWN_CLIENT)\b/;

/**
 * Bottleneck 2.19 re-creates a limiter whose Redis keys are gone only when the error reads
 * exactly `SETTINGS_KEY_NOT_FOUND`; Redis 7 answers `ERR SETTINGS_KEY_NOT_FOUND`, so after
 * Redis came back empty every request through an old limiter failed until its group
 * dropped it (up to half the idle timeout). Such a request was refused before it was
 * sent: drop the installation's limiters (new ones set Redis up again) and send it once.
 */
function freshLimitersAfterRedisLoss(groupsOf: () => ThrottleGroups | null) {
  return (octokit: CoreOctokit, options: Record<string, unknown>) => {
    octokit.hook.wrap("request", async (request, requestOptions) => {
      try {
        return await request(requestOptions);
      } catch (error) {
        const groups = groupsOf();
        if (!groups || !(error instanceof Error) || !LOST_LIMITER.test(error.message)) throw error;
        const id = String((options.throttle as { id?: unknown } | undefined)?.id ?? "no-id");
        await Promise.all(Object.values(groups).map((group) => group.deleteKey(id).catch(() => false)));
        octokit.log.warn(`throttling: Redis lost the limits of ${id}; limiters made anew`);
        return request(requestOptions);
      }
    });
    return {};
  };
}

/**
 * The app's private key as PKCS#8. GitHub hands out PKCS#1 keys, and the JWT signer converts
 * one to PKCS#8 on every signature (twice per installation token: the token request passes
 * the auth hook again), a third of a sweep job's CPU at scale; converted once here.
 */
function pkcs8Once() {
  let last: { given: string; pkcs8: string } | null = null;
  return (given: unknown): unknown => {
    if (typeof given !== "string" || !given.includes("BEGIN RSA PRIVATE KEY")) return given;
    if (last?.given !== given)
      last = { given, pkcs8: createPrivateKey(given).export({ type: "pkcs8", format: "pem" }) as string };
    return last.pkcs8;
  };
}

/** One JWT signer per private key (app-jwt.ts), so every Octokit of the process shares its signature. */
function jwtOnce() {
  let last: { privateKey: string; createJwt: CreateJwt } | null = null;
  return (privateKey: string): CreateJwt => {
    if (last?.privateKey !== privateKey) last = { privateKey, createJwt: reusedAppJwt(privateKey) };
    return last.createJwt;
  };
}

export function createAppOctokit(policy: RetryPolicy = PRODUCTION_RETRY_POLICY): AppOctokitClass {
  let groups: ThrottleGroups | null = null;
  const pkcs8 = pkcs8Once();
  const jwt = jwtOnce();
  let tokens: TokenCache | null = null;
  const waitFor =
    (what: string): Limiter =>
    (retryAfter, options, octokit, retryCount) => {
      const wait = retryCount < 2 && retryAfter <= policy.maxRetryAfterSeconds;
      octokit.log.warn(
        `${what} on ${options.method} ${options.url}: ${wait ? `retrying in ${retryAfter} s` : "giving up for this event"}`,
      );
      return wait;
    };
  return withJsonAnswers(ProbotOctokit)
    .plugin(
      noBlindRepeats,
      freshLimitersAfterRedisLoss(() => groups),
      markGraphqlReads,
    )
    .defaults((options: Record<string, unknown>) => {
      const throttle = (options.throttle ?? {}) as ThrottleOptions;
      groups ??= throttleGroups(throttle, policy.timeScale);
      const auth = options.auth as Record<string, unknown> | undefined;
      const privateKey = pkcs8(auth?.privateKey);
      // With REDIS_URL (the throttling's connection) installation tokens are shared by the replicas.
      const redis = (throttle.connection as { client?: Redis } | undefined)?.client;
      if (!tokens && redis && typeof privateKey === "string") tokens = sharedTokenCache(redis, privateKey);
      // auth-app takes a private key or a JWT signer, not both: the signer reuses its JWT (app-jwt.ts).
      const { privateKey: _signedBy, createJwt: _theirs, ...appAuth } = auth ?? {};
      return {
        ...options,
        ...(typeof privateKey === "string"
          ? { auth: { ...appAuth, createJwt: jwt(privateKey), ...(tokens ? { cache: tokens } : {}) } }
          : {}),
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
          write: writesOnly(groups.write),
          ...throttle,
          retryAfterBaseValue: 1000 * policy.timeScale,
          onRateLimit: waitFor("Rate limit"),
          onSecondaryRateLimit: waitFor("Secondary rate limit"),
        },
      };
    }) as unknown as AppOctokitClass;
}
