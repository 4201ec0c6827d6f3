import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * Installation tokens shared by the replicas through Redis (the `cache` option of
 * `@octokit/auth-app`). Without it every replica creates its own token for every
 * installation it touches: a sweep pass whose installation and repository jobs land
 * on different replicas asked GitHub for up to twice as many tokens, each signed with
 * the app's key (the JWT signature is most of a job's CPU). A token is a credential:
 * it is stored encrypted (AES-256-GCM) under a key derived from the app's private key,
 * which only the replicas hold, and lives in Redis until a minute before GitHub
 * expires it. Redis not ready → this replica creates its own token, as without Redis.
 */
export interface TokenCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

/** Kept locally no longer than this many tokens (about 1 kB each). */
const LOCAL_LIMIT = 15_000;
/** A token is given up a minute before GitHub's `expires_at`. */
const MARGIN_MS = 60_000;
const PREFIX = "incident-app:installation-token:";

/** auth-app's cached value is `token|createdAt|expiresAt|…`: when the token stops working. */
function usableUntil(value: string): number {
  const expiresAt = Date.parse(value.split("|")[2] ?? "");
  return Number.isFinite(expiresAt) ? expiresAt - MARGIN_MS : 0;
}

function sealer(privateKey: string) {
  const key = createHash("sha256").update("incident-app installation tokens\0").update(privateKey).digest();
  return {
    seal(text: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const sealed = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64");
    },
    /** null when it was sealed with another key (the app's key was rotated) or is damaged. */
    open(stored: string): string | null {
      try {
        const bytes = Buffer.from(stored, "base64");
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
      } catch {
        return null;
      }
    },
  };
}

export function sharedTokenCache(redis: Redis, privateKey: string): TokenCache {
  const local = new Map<string, { value: string; until: number }>();
  const { seal, open } = sealer(privateKey);
  const keep = (key: string, value: string, until: number) => {
    if (local.size >= LOCAL_LIMIT) local.delete(local.keys().next().value ?? "");
    local.set(key, { value, until });
  };
  return {
    async get(key) {
      const mine = local.get(key);
      if (mine && mine.until > Date.now()) return mine.value;
      local.delete(key);
      if (redis.status !== "ready") return undefined;
      const stored = await redis.get(PREFIX + key).catch(() => null);
      const value = stored === null ? null : open(stored);
      if (value === null) return undefined;
      const until = usableUntil(value);
      if (until <= Date.now()) return undefined;
      keep(key, value, until);
      return value;
    },
    async set(key, value) {
      const until = usableUntil(value);
      const ttl = until - Date.now();
      if (ttl <= 0) return;
      keep(key, value, until);
      if (redis.status !== "ready") return;
      await redis.set(PREFIX + key, seal(value), "PX", ttl).catch(() => {});
    },
  };
}
