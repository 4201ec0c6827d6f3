import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * One handler at a time per issue. GitHub may deliver the same webhook several times
 * at once (and related events arrive together); two handlers that both read "no
 * action item yet" would both create one, and an issue or a pull request cannot be
 * taken back like a duplicate comment. Within a process the handlers queue; across
 * replicas they take turns through Redis (`REDIS_URL`). A turn that waits too long
 * runs anyway: the decision is recomputed from the history, so the worst case is
 * the race the lock narrows, never a lost event.
 */
export interface IssueLock {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** In-process queue per key; the map holds only keys with work in flight. */
export function localLock(): IssueLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    async run(key, work) {
      const previous = tails.get(key) ?? Promise.resolve();
      const mine = previous.then(work, work);
      const tail = mine.catch(() => {});
      tails.set(key, tail);
      try {
        return await mine;
      } finally {
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}

export interface SharedLockOptions {
  /** How long a holder may keep the turn before it lapses (a replica that died). */
  leaseMs: number;
  /** How long to wait for the turn before running anyway. */
  waitMs: number;
  pollMs: number;
  onTimeout?: (key: string) => void;
}

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export const SHARED_LOCK_DEFAULTS: SharedLockOptions = { leaseMs: 15_000, waitMs: 8_000, pollMs: 25 };

/** Local queue first (no polling for handlers in the same process), then Redis across replicas. */
export function sharedLock(redis: Redis, options: SharedLockOptions = SHARED_LOCK_DEFAULTS): IssueLock {
  const local = localLock();
  return {
    run: (key, work) =>
      local.run(key, async () => {
        const name = `incident-app:lock:${key}`;
        const token = randomUUID();
        const deadline = Date.now() + options.waitMs;
        let held = false;
        while (!held) {
          held = (await redis.set(name, token, "PX", options.leaseMs, "NX")) === "OK";
          if (held) break;
          if (Date.now() >= deadline) {
            options.onTimeout?.(key);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, options.pollMs));
        }
        try {
          return await work();
        } finally {
          if (held) await redis.eval(RELEASE, 1, name, token).catch(() => {});
        }
      }),
  };
}
