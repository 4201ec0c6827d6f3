import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import {
  admits,
  type ContentLimits,
  HOUR_MS,
  secondsUntilRoom,
  withinHour,
} from "../features/alerts/content-budget.js";

/**
 * The content-creating requests alerts made per account, in the last hour (§14;
 * features/alerts/content-budget decides what fits). In process without Redis; with
 * `REDIS_URL` one sorted set per account that every replica reserves from atomically
 * (a Lua script), so N replicas together stay within the limits. Times come from the
 * app's clock, so a simulated storm is counted in simulated minutes.
 */
export type Reserved = { reserved: true; id: string } | { reserved: false; retryAfterSeconds: number };

export interface ContentBudget {
  /** Takes `cost` if both windows allow it at `now`; all or nothing. */
  reserve(account: string, cost: number, limits: ContentLimits, now: number): Promise<Reserved>;
  /**
   * What a reservation really made, known after its writes: fewer gives the rest back,
   * more is recorded (it happened), so later reservations see it.
   */
  settle(account: string, id: string, reservedCost: number, actual: number, now: number): Promise<void>;
}

export function localContentBudget(): ContentBudget {
  const stamps = new Map<string, Array<{ at: number; id: string }>>();
  const kept = (account: string, now: number) => {
    const list = (stamps.get(account) ?? []).filter((one) => one.at > now - HOUR_MS);
    stamps.set(account, list);
    return list;
  };
  return {
    async reserve(account, cost, limits, now) {
      const list = kept(account, now);
      const times = list.map((one) => one.at);
      if (!admits(times, now, cost, limits))
        return { reserved: false, retryAfterSeconds: secondsUntilRoom(times, now, cost, limits) };
      const id = randomUUID();
      for (let i = 0; i < cost; i++) list.push({ at: now, id });
      return { reserved: true, id };
    },
    async settle(account, id, reservedCost, actual, now) {
      const list = kept(account, now);
      if (actual > reservedCost) for (let i = reservedCost; i < actual; i++) list.push({ at: now, id });
      for (let extra = reservedCost - actual; extra > 0; extra--) {
        const index = list.findIndex((one) => one.id === id);
        if (index >= 0) list.splice(index, 1);
      }
    },
  };
}

/**
 * KEYS[1] the account's set; ARGV now, cost, perMinute, perHour, id. Members are
 * `id:n`, scored by time; what left the hour is dropped first. 1 when reserved.
 */
const RESERVE = `
local now = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", now - ${HOUR_MS})
local hour = redis.call("ZCARD", KEYS[1])
local minute = redis.call("ZCOUNT", KEYS[1], "(" .. (now - 60000), "+inf")
if minute + cost > tonumber(ARGV[3]) or hour + cost > tonumber(ARGV[4]) then return 0 end
for i = 1, cost do redis.call("ZADD", KEYS[1], now, ARGV[5] .. ":" .. i) end
redis.call("PEXPIRE", KEYS[1], ${2 * HOUR_MS})
return 1
`;

/**
 * Redis shared by the replicas. When Redis does not answer, the replica counts in its own
 * process meanwhile (it alone stays within the limits; the replicas together may not) and
 * says so, rather than failing the alerts.
 */
export function sharedContentBudget(
  redis: Redis,
  onUnreachable: (error: unknown) => void = () => {},
): ContentBudget {
  const shared = redisContentBudget(redis);
  const local = localContentBudget();
  return {
    reserve: (account, cost, limits, now) =>
      shared.reserve(account, cost, limits, now).catch((error) => {
        onUnreachable(error);
        return local.reserve(account, cost, limits, now);
      }),
    settle: (account, id, reservedCost, actual, now) =>
      shared.settle(account, id, reservedCost, actual, now).catch((error) => {
        onUnreachable(error);
        return local.settle(account, id, reservedCost, actual, now);
      }),
  };
}

function redisContentBudget(redis: Redis): ContentBudget {
  const key = (account: string) => `incident-app:alert-content:${account.toLowerCase()}`;
  return {
    async reserve(account, cost, limits, now) {
      if (cost <= 0) return { reserved: true, id: randomUUID() };
      const id = randomUUID();
      const args = [now, cost, limits.perMinute, limits.perHour, id];
      const taken = await redis.eval(RESERVE, 1, key(account), ...args.map(String));
      if (Number(taken) === 1) return { reserved: true, id };
      const scores = await redis.zrange(key(account), 0, -1, "WITHSCORES");
      const times = scores.filter((_, index) => index % 2 === 1).map(Number);
      return {
        reserved: false,
        retryAfterSeconds: secondsUntilRoom(withinHour(times, now), now, cost, limits),
      };
    },
    async settle(account, id, reservedCost, actual, now) {
      if (actual === reservedCost) return;
      if (actual < reservedCost) {
        const members = Array.from({ length: reservedCost - actual }, (_, i) => `${id}:${reservedCost - i}`);
        await redis.zrem(key(account), ...members);
        return;
      }
      const added: Array<string | number> = [];
      for (let i = reservedCost + 1; i <= actual; i++) added.push(now, `${id}:${i}`);
      await redis.zadd(key(account), ...added);
      await redis.pexpire(key(account), 2 * HOUR_MS);
    },
  };
}
