import type { Redis } from "ioredis";

/**
 * At most `limit` sweep jobs of one installation at a time, so one installation with
 * many repositories never holds every worker (nor spends its secondary limits in a
 * burst). The holder is the repository: one repository is never swept twice at once
 * (a job taken over from a replica that only seemed dead waits). In one process a
 * map; across replicas a Redis sorted set of holders, each with a lease, so a replica
 * that dies does not keep its slot.
 */
export interface InstallationSlots {
  take(installationId: number, holder: string): Promise<boolean>;
  give(installationId: number, holder: string): Promise<void>;
}

export function localSlots(limit: number): InstallationSlots {
  const held = new Map<number, Set<string>>();
  return {
    async take(installationId, holder) {
      const holders = held.get(installationId) ?? new Set<string>();
      if (holders.size >= limit || holders.has(holder)) return false;
      holders.add(holder);
      held.set(installationId, holders);
      return true;
    },
    async give(installationId, holder) {
      const holders = held.get(installationId);
      holders?.delete(holder);
      if (holders?.size === 0) held.delete(installationId);
    },
  };
}

// KEYS[1] the set; ARGV: now, lease end, limit, holder. Expired leases are dropped first.
const TAKE = `
redis.call("zremrangebyscore", KEYS[1], "-inf", ARGV[1])
if not redis.call("zscore", KEYS[1], ARGV[4]) and redis.call("zcard", KEYS[1]) < tonumber(ARGV[3]) then
  redis.call("zadd", KEYS[1], ARGV[2], ARGV[4])
  redis.call("pexpire", KEYS[1], tonumber(ARGV[2]) - tonumber(ARGV[1]))
  return 1
end
return 0`;

export function sharedSlots(redis: Redis, limit: number, leaseMs: number): InstallationSlots {
  const key = (installationId: number) => `incident-app:sweep-slots:${installationId}`;
  return {
    async take(installationId, holder) {
      const now = Date.now();
      const taken = await redis.eval(TAKE, 1, key(installationId), now, now + leaseMs, limit, holder);
      return taken === 1;
    },
    async give(installationId, holder) {
      await redis.zrem(key(installationId), holder);
    },
  };
}
