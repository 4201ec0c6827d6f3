import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InstallationSlots, localSlots, sharedSlots } from "../../../src/jobs/installation-slots.js";
import {
  type RedisServer,
  redisServerPath,
  startRedisServer,
} from "../../reliability/support/redis-server.js";

/**
 * An installation's slots and their waiters, the same in one process and across
 * replicas on a real redis-server: `limit` holders at once, one repository once, and
 * the slot given back hands over to the oldest job still waiting for it.
 */
let redis: RedisServer | null = null;
let client: Redis | null = null;
beforeAll(async () => {
  if (!redisServerPath()) return;
  redis = await startRedisServer();
  client = new Redis({ host: redis.host, port: redis.port });
});
afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});

const kinds: Array<[string, () => InstallationSlots | null]> = [
  ["in one process", () => localSlots(2)],
  ["on Redis", () => (client ? sharedSlots(client, 2, 30_000) : null)],
];

describe.each(kinds)("installation slots %s", (_, make) => {
  it("let two repositories in at once, one repository once, and no other installation held up", async (context) => {
    const slots = make();
    if (!slots) return context.skip();
    expect(await slots.take(1, "acme/a")).toBe(true);
    expect(await slots.take(1, "acme/a")).toBe(false);
    expect(await slots.take(1, "acme/b")).toBe(true);
    expect(await slots.take(1, "acme/c")).toBe(false);
    expect(await slots.take(2, "other/x")).toBe(true);
    expect(await slots.give(1, "acme/a")).toBeNull();
    expect(await slots.take(1, "acme/c")).toBe(true);
    for (const [id, holder] of [
      [1, "acme/b"],
      [1, "acme/c"],
      [2, "other/x"],
    ] as const)
      await slots.give(id, holder);
  });

  it("hand a freed slot to the oldest waiter, each waiter once, and forget one that got in", async (context) => {
    const slots = make();
    if (!slots) return context.skip();
    expect(await slots.take(3, "acme/a")).toBe(true);
    expect(await slots.take(3, "acme/b")).toBe(true);
    expect(await slots.take(3, "acme/c", "job-c")).toBe(false);
    expect(await slots.take(3, "acme/d", "job-d")).toBe(false);
    expect(await slots.take(3, "acme/c", "job-c")).toBe(false);
    expect(await slots.take(3, "acme/e", "job-e")).toBe(false);
    expect(await slots.give(3, "acme/a")).toBe("job-c");
    // job-d got in on its own (its wait ran out): it no longer waits.
    expect(await slots.take(3, "acme/d", "job-d")).toBe(true);
    expect(await slots.give(3, "acme/b")).toBe("job-e");
    expect(await slots.give(3, "acme/d")).toBeNull();
  });
});
