import { generateKeyPairSync } from "node:crypto";
import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { sharedTokenCache } from "../../../src/github/shared-token-cache.js";

/** The part of ioredis the cache uses, kept in a map (TTLs recorded, not enforced). */
function memoryRedis(status = "ready") {
  const stored = new Map<string, { value: string; ttl: number }>();
  const redis = {
    status,
    async get(key: string) {
      return stored.get(key)?.value ?? null;
    },
    async set(key: string, value: string, _px: "PX", ttl: number) {
      stored.set(key, { value, ttl });
      return "OK";
    },
  };
  return { redis: redis as unknown as Redis, stored };
}

const pem = () =>
  generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
    type: "pkcs8",
    format: "pem",
  }) as string;

/** auth-app's cached value: token|createdAt|expiresAt|repositorySelection|permissions|singleFileName. */
const cached = (token: string, expiresInMs: number) =>
  `${token}|2026-01-01T00:00:00Z|${new Date(Date.now() + expiresInMs).toISOString()}|all|issues!,metadata|`;

describe("installation tokens shared through Redis", () => {
  const key = pem();

  it("a token one replica created is used by another, and is stored encrypted", async () => {
    const { redis, stored } = memoryRedis();
    const value = cached("ghs_secret123", 3_600_000);
    await sharedTokenCache(redis, key).set("42|", value);
    expect(await sharedTokenCache(redis, key).get("42|")).toBe(value);
    const [entry] = [...stored.values()];
    expect(entry?.value).not.toContain("ghs_secret123");
    // Kept in Redis until a minute before GitHub expires it.
    expect(entry?.ttl).toBeGreaterThan(3_500_000);
    expect(entry?.ttl).toBeLessThanOrEqual(3_540_000);
  });

  it("a replica with another private key (a rotated key) creates its own token", async () => {
    const { redis } = memoryRedis();
    await sharedTokenCache(redis, key).set("42|", cached("ghs_a", 3_600_000));
    expect(await sharedTokenCache(redis, pem()).get("42|")).toBeUndefined();
  });

  it("a token about to expire is neither stored nor handed out", async () => {
    const { redis, stored } = memoryRedis();
    const cache = sharedTokenCache(redis, key);
    await cache.set("42|", cached("ghs_old", 30_000));
    expect(stored.size).toBe(0);
    expect(await cache.get("42|")).toBeUndefined();
  });

  it("Redis not ready: the replica keeps its own tokens", async () => {
    const { redis, stored } = memoryRedis("reconnecting");
    const cache = sharedTokenCache(redis, key);
    const value = cached("ghs_b", 3_600_000);
    await cache.set("7|", value);
    expect(stored.size).toBe(0);
    expect(await cache.get("7|")).toBe(value);
    expect(await sharedTokenCache(redis, key).get("7|")).toBeUndefined();
  });
});
