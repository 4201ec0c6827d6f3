import Bottleneck from "bottleneck";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { throttleGroups } from "../../src/github/app-octokit.js";
import { type RedisServer, startRedisServer } from "./support/redis-server.js";

/**
 * The app's throttling groups shared through a real Redis, as replicas share them. A
 * replica that dies mid-request keeps its installation's write slot until the throttling
 * plugin's job expiration (60 s with Redis). Another replica's write for that
 * installation must run after it, not wait for ever: with idle limiters dropped after
 * 15 s their Redis keys lapsed while waiting and the write never ran (a sweep job hung).
 */
const PLUGIN_EXPIRATION_MS = 60_000;

let redis: RedisServer;
const clients: Redis[] = [];
const connection = () => {
  const client = new Redis({ host: redis.host, port: redis.port });
  clients.push(client);
  return new Bottleneck.IORedisConnection({ client });
};

beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await redis?.stop();
});

describe("a write slot held by a replica that died", () => {
  it("is freed by its expiration and the other replica's write runs", async () => {
    const dead = connection();
    const dying = throttleGroups({ connection: dead }, 1).write.key("7");
    let started = false;
    // Locally the expiration also times the job out: what counts is the shared slot.
    dying
      .schedule({ expiration: PLUGIN_EXPIRATION_MS }, () => {
        started = true;
        return new Promise(() => {});
      })
      .catch(() => {});
    while (!started) await new Promise((resolve) => setTimeout(resolve, 50));
    // The replica stops: no heartbeat, no release, its job still counted as running.
    await dead.disconnect(false);

    const survivor = throttleGroups({ connection: connection() }, 1).write.key("7");
    const began = Date.now();
    const waited = await survivor.schedule(
      { expiration: PLUGIN_EXPIRATION_MS },
      async () => Date.now() - began,
    );
    // It did wait for the dead replica's slot (a hang fails on the test's time limit).
    expect(waited).toBeGreaterThan(PLUGIN_EXPIRATION_MS - 10_000);
  }, 150_000);
});
