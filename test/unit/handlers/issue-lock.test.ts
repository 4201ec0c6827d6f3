import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { localLock, sharedLock } from "../../../src/pipelines/issue-lock.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** Records the order work starts and ends in, to see whether turns overlap. */
function recorder() {
  const events: string[] = [];
  const work =
    (name: string, fail = false) =>
    async () => {
      events.push(`start ${name}`);
      await tick();
      events.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
  return { events, work };
}

describe("one handler at a time per issue", () => {
  it("queues work on the same issue and runs other issues alongside", async () => {
    const lock = localLock();
    const { events, work } = recorder();
    await Promise.all([lock.run("a#1", work("1")), lock.run("a#1", work("2")), lock.run("a#2", work("3"))]);
    expect(events.indexOf("end 1")).toBeLessThan(events.indexOf("start 2"));
    expect(events.indexOf("start 3")).toBeLessThan(events.indexOf("end 1"));
  });

  it("a failed turn passes the turn on and keeps its error", async () => {
    const lock = localLock();
    const { events, work } = recorder();
    const results = await Promise.allSettled([lock.run("a#1", work("1", true)), lock.run("a#1", work("2"))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled"]);
    expect(events).toEqual(["start 1", "end 1", "start 2", "end 2"]);
  });

  it("takes turns through Redis across replicas, and runs anyway when the turn never comes", async () => {
    const store = new Map<string, string>();
    const redis = {
      async set(key: string, value: string, _px: string, _ms: number, _nx: string) {
        if (store.has(key)) return null;
        store.set(key, value);
        return "OK";
      },
      async eval(_script: string, _keys: number, key: string, token: string) {
        if (store.get(key) !== token) return 0;
        store.delete(key);
        return 1;
      },
    } as unknown as Redis;
    const options = { leaseMs: 1000, waitMs: 50, pollMs: 1 };
    const [one, two] = [sharedLock(redis, options), sharedLock(redis, options)];
    const { events, work } = recorder();
    await Promise.all([one.run("a#1", work("1")), two.run("a#1", work("2"))]);
    expect(events.indexOf("end 1")).toBeLessThan(events.indexOf("start 2"));
    expect(store.size).toBe(0);

    store.set("incident-app:lock:a#9", "a replica that died");
    const timedOut: string[] = [];
    const three = sharedLock(redis, { ...options, onTimeout: (key) => timedOut.push(key) });
    expect(await three.run("a#9", work("3"))).toBe("3");
    expect(timedOut).toEqual(["a#9"]);
    expect(store.get("incident-app:lock:a#9")).toBe("a replica that died");
  });
});
