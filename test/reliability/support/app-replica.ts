import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { SimClock } from "@incident-app/github-simulator";
import { Redis } from "ioredis";
import { createNodeMiddleware, Probot } from "probot";
import { vi } from "vitest";
import type { RetryPolicy } from "../../../src/github/retry-policy.js";
import { type ChatDeps, defaultChatDeps } from "../../../src/outside/chat/chat-deps.js";
import { localLock, sharedLock } from "../../../src/pipelines/issue-lock.js";
import { WEBHOOK_PATH, WEBHOOK_SECRET } from "../../support/harness.js";
import { testPrivateKey } from "../../support/probot.js";

/**
 * One replica of the app as production runs it: Probot's Node middleware with the
 * app's own Octokit (careful retries, throttling scaled down by the policy), and,
 * when `redis` is given, throttling state kept in Redis like `REDIS_URL` does.
 * `isolated` loads the app's modules afresh, so replicas share no process state
 * (config cache, labels checked) — as separate processes would not.
 */
export interface ReplicaOptions {
  clock: SimClock;
  apiUrl: string;
  policy: RetryPolicy;
  isolated?: boolean;
  redis?: { host: string; port: number };
}

export interface Replica {
  url: string;
  /** The replica's Probot (the demo's sweeps authenticate through it). */
  probot: Probot;
  /** The replica's chat deliveries (production defaults): settling waits for them. */
  chat: ChatDeps;
  close(): Promise<void>;
}

export async function startReplica(options: ReplicaOptions): Promise<Replica> {
  if (options.isolated) vi.resetModules();
  const { createApp } = await import("../../../src/app.js");
  const { createAppOctokit } = await import("../../../src/github/app-octokit.js");
  const { clearConfigCache } = await import("../../../src/config/config-cache.js");
  const { forgetCheckedLabels } = await import("../../../src/pipelines/ensure-labels.js");
  clearConfigCache();
  forgetCheckedLabels();
  const probot = new Probot({
    appId: 1,
    privateKey: testPrivateKey(),
    secret: WEBHOOK_SECRET,
    baseUrl: options.apiUrl,
    Octokit: createAppOctokit(options.policy),
    logLevel: (process.env.LOG_LEVEL as "warn" | undefined) ?? "fatal",
    // ioredis options rather than a URL only so the client stops reconnecting once the test's server is gone.
    ...(options.redis ? { redisConfig: { ...options.redis, retryStrategy: () => null } } : {}),
  });
  const chat = defaultChatDeps();
  // Replicas sharing Redis take turns per issue through it, like REDIS_URL does in production.
  const redis = options.redis ? new Redis({ ...options.redis, retryStrategy: () => null }) : null;
  const lock = redis ? sharedLock(redis) : localLock();
  const app = createApp({ clock: () => options.clock.now(), retry: options.policy, chat, lock });
  const middleware = await createNodeMiddleware(app, { probot, webhooksPath: WEBHOOK_PATH });
  const server: Server = createServer((req, res) => {
    middleware(req, res, () => res.writeHead(404).end("not found"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    probot,
    chat,
    async close() {
      await chat.background.idle();
      redis?.disconnect();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
