import type { Redis } from "ioredis";

/**
 * At most `limit` sweep jobs of one installation at a time, so one installation with
 * many repositories never holds every worker (nor spends its secondary limits in a
 * burst). The holder is the repository: one repository is never swept twice at once
 * (a job taken over from a replica that only seemed dead waits). In one process a
 * map; across replicas a Redis sorted set of holders, each with a lease, so a replica
 * that dies does not keep its slot.
 *
 * A job turned away can leave its id as a waiter: the next `give` of that installation
 * hands it back, oldest first, so the queue wakes that job at once instead of letting it
 * sleep out its wait (the wait stays as the fallback when a wake-up is lost).
 */
export interface InstallationSlots {
  /** A slot for `holder`, or false; when false and `waiter` is given, it is queued for `give`. */
  take(installationId: number, holder: string, waiter?: string): Promise<boolean>;
  /** Frees `holder`'s slot and returns the waiter to wake, if any. */
  give(installationId: number, holder: string): Promise<string | null>;
}

export function localSlots(limit: number): InstallationSlots {
  const held = new Map<number, Set<string>>();
  const waiting = new Map<number, Set<string>>();
  return {
    async take(installationId, holder, waiter) {
      const holders = held.get(installationId) ?? new Set<string>();
      const waiters = waiting.get(installationId);
      if (holders.size >= limit || holders.has(holder)) {
        if (waiter !== undefined) waiting.set(installationId, (waiters ?? new Set<string>()).add(waiter));
        return false;
      }
      if (waiter !== undefined && waiters?.delete(waiter) && waiters.size === 0)
        waiting.delete(installationId);
      holders.add(holder);
      held.set(installationId, holders);
      return true;
    },
    async give(installationId, holder) {
      const holders = held.get(installationId);
      holders?.delete(holder);
      if (holders?.size === 0) held.delete(installationId);
      const waiters = waiting.get(installationId);
      const [next] = waiters ?? [];
      if (next === undefined) return null;
      waiters?.delete(next);
      if (waiters?.size === 0) waiting.delete(installationId);
      return next;
    },
  };
}

// KEYS: the holders, the waiters. ARGV: now, lease end, limit, holder, waiter ("" for
// none). Expired leases are dropped first; a waiter queues in arrival order, once.
const TAKE = `
redis.call("zremrangebyscore", KEYS[1], "-inf", ARGV[1])
if not redis.call("zscore", KEYS[1], ARGV[4]) and redis.call("zcard", KEYS[1]) < tonumber(ARGV[3]) then
  redis.call("zadd", KEYS[1], ARGV[2], ARGV[4])
  redis.call("pexpire", KEYS[1], tonumber(ARGV[2]) - tonumber(ARGV[1]))
  if ARGV[5] ~= "" then redis.call("zrem", KEYS[2], ARGV[5]) end
  return 1
end
if ARGV[5] ~= "" then
  redis.call("zadd", KEYS[2], "NX", ARGV[1], ARGV[5])
  redis.call("pexpire", KEYS[2], tonumber(ARGV[2]) - tonumber(ARGV[1]))
end
return 0`;

// KEYS: the holders, the waiters. ARGV: holder. Returns the oldest waiter, or nil.
const GIVE = `
redis.call("zrem", KEYS[1], ARGV[1])
local next = redis.call("zpopmin", KEYS[2])
return next[1]`;

export function sharedSlots(redis: Redis, limit: number, leaseMs: number): InstallationSlots {
  const keys = (installationId: number) => [
    `incident-app:sweep-slots:${installationId}`,
    `incident-app:sweep-waiters:${installationId}`,
  ];
  return {
    async take(installationId, holder, waiter = "") {
      const now = Date.now();
      const taken = await redis.eval(
        TAKE,
        2,
        ...keys(installationId),
        now,
        now + leaseMs,
        limit,
        holder,
        waiter,
      );
      return taken === 1;
    },
    async give(installationId, holder) {
      const next = await redis.eval(GIVE, 2, ...keys(installationId), holder);
      return typeof next === "string" ? next : null;
    },
  };
}
