import type { Redis } from "ioredis";

/**
 * What is left of each installation's hourly rate limit, as GitHub's last answer said
 * (`x-ratelimit-remaining` / `x-ratelimit-reset`). Sweep jobs of an installation that
 * is down to its reserve wait for the reset instead of failing, and leave the reserve
 * to webhooks; other installations' jobs go on. Shared through Redis when there is
 * one: every replica spends the same installation's budget.
 */
export interface RateReading {
  remaining: number;
  /** Epoch milliseconds. */
  resetAt: number;
}

export interface RateBudget {
  observe(installationId: number, reading: RateReading): void;
  /** When the installation's jobs may run again, or null: now. */
  waitUntil(installationId: number, now: number): Promise<number | null>;
}

/** Requests kept for webhooks: the sweep stops spending below this. */
export const DEFAULT_RATE_RESERVE = 200;

function blockedUntil(reading: RateReading | undefined, reserve: number, now: number): number | null {
  if (!reading || reading.resetAt <= now || reading.remaining > reserve) return null;
  return reading.resetAt;
}

export function localRateBudget(reserve = DEFAULT_RATE_RESERVE): RateBudget {
  const readings = new Map<number, RateReading>();
  return {
    observe(installationId, reading) {
      readings.set(installationId, reading);
    },
    async waitUntil(installationId, now) {
      return blockedUntil(readings.get(installationId), reserve, now);
    },
  };
}

/** Local readings first; the last reading of any replica (kept in Redis until its reset) otherwise. */
export function sharedRateBudget(redis: Redis, reserve = DEFAULT_RATE_RESERVE): RateBudget {
  const local = localRateBudget(reserve);
  const key = (installationId: number) => `incident-app:rate:${installationId}`;
  return {
    observe(installationId, reading) {
      local.observe(installationId, reading);
      // Only a budget running low is news for the other replicas.
      const ttl = reading.resetAt - Date.now();
      if (ttl > 0 && reading.remaining <= 2 * reserve)
        void redis
          .set(key(installationId), `${reading.remaining} ${reading.resetAt}`, "PX", ttl)
          .catch(() => {});
    },
    async waitUntil(installationId, now) {
      const mine = await local.waitUntil(installationId, now);
      if (mine !== null) return mine;
      const text = await redis.get(key(installationId)).catch(() => null);
      const [remaining, resetAt] = (text ?? "").split(" ").map(Number);
      if (remaining === undefined || resetAt === undefined || !text) return null;
      return blockedUntil({ remaining, resetAt }, reserve, now);
    },
  };
}
