import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { createNodeMiddleware, Probot } from "probot";
import { createApp } from "../../../src/app.js";
import { defaultChatDeps } from "../../../src/outside/chat/chat-deps.js";
import { sharedContentBudget } from "../../../src/pipelines/content-budget.js";
import { sharedLock } from "../../../src/pipelines/issue-lock.js";
import { TestOctokit } from "../../support/probot.js";

/**
 * One replica of the app in a process of its own (`node --import tsx`), for the storm
 * budget across replicas: it shares nothing with the others but Redis (the turns per
 * issue and the alerts' content budget, as REDIS_URL gives them). Its clock is the time
 * written in STORM_CLOCK_FILE, the simulator's. Prints `listening <port>` when it takes requests.
 */
const env = process.env;
const redisOptions = { host: "127.0.0.1", port: Number(env.STORM_REDIS_PORT), retryStrategy: () => null };
const redis = new Redis(redisOptions);
const probot = new Probot({
  appId: 1,
  privateKey: String(env.STORM_PRIVATE_KEY),
  secret: String(env.STORM_WEBHOOK_SECRET),
  baseUrl: String(env.STORM_API_URL),
  Octokit: TestOctokit,
  logLevel: "warn",
});
// The test moves time by writing the file: every replica reads the same clock.
const clock = () => new Date(readFileSync(String(env.STORM_CLOCK_FILE), "utf8").trim());
const app = createApp({
  clock,
  chat: defaultChatDeps(),
  lock: sharedLock(redis),
  contentBudget: sharedContentBudget(redis),
  env: () => env,
});
const middleware = await createNodeMiddleware(app, { probot, webhooksPath: "/api/github/webhooks" });
const server = createServer((req, res) => {
  middleware(req, res, () => res.writeHead(404).end("not found"));
});
server.listen(0, "127.0.0.1", () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
process.once("SIGTERM", () => {
  redis.disconnect();
  server.close(() => process.exit(0));
});
