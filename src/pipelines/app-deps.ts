import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import type { Probot } from "probot";
import type { PublishFiles } from "../github/publish-files.js";
import type { RetryPolicy } from "../github/retry-policy.js";
import type { ChatDeps } from "../outside/chat/chat-deps.js";
import type { WarRoomDeps } from "../outside/slack/slack-deps.js";
import { packageRoot } from "../render/package-root.js";
import { type ContentBudget, localContentBudget, sharedContentBudget } from "./content-budget.js";
import { type IssueLock, localLock, SHARED_LOCK_DEFAULTS, sharedLock } from "./issue-lock.js";

/**
 * What the app takes from outside: the clock (the demo and tests drive a simulated
 * one), the issue form it reads bodies with, its own login, chat delivery, how the
 * status site's files reach their branch, and how hard it retries (tests shrink the waits).
 */
export interface AppDeps {
  clock: () => Date;
  formTemplate: string;
  botLogin: () => Promise<string>;
  chat: ChatDeps;
  publishFiles: PublishFiles;
  retry: RetryPolicy;
  /** One handler at a time per issue (across replicas when REDIS_URL is set). */
  lock: IssueLock;
  /** The alerts' share of GitHub's content-creating limits (across replicas when REDIS_URL is set). */
  contentBudget: ContentBudget;
  /** Slack, for the incident's channel (§15). */
  warRoom: WarRoomDeps;
  /** The environment, read when needed: alert sources' secrets, ALERTS_REPOSITORY, paging keys. */
  env: () => Readonly<Record<string, string | undefined>>;
}

/** Replicas that share Redis take turns through it; one process queues in memory. */
export function defaultIssueLock(app: Probot, redisUrl = process.env.REDIS_URL): IssueLock {
  if (!redisUrl) return localLock();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  return sharedLock(redis, {
    ...SHARED_LOCK_DEFAULTS,
    onTimeout: (key) => app.log.warn({ issue: key }, "waited too long for another replica; handling anyway"),
  });
}

/** With REDIS_URL every replica spends one budget per account; one process counts in memory. */
export function defaultContentBudget(app: Probot, redisUrl = process.env.REDIS_URL): ContentBudget {
  if (!redisUrl) return localContentBudget();
  return sharedContentBudget(new Redis(redisUrl, { maxRetriesPerRequest: 2 }), (error) =>
    app.log.warn(
      { err: error },
      "alerts' content budget: Redis does not answer; counting in this process meanwhile",
    ),
  );
}

export function readFormTemplate(): string {
  return readFileSync(join(packageRoot(), ".github", "ISSUE_TEMPLATE", "incident.yml"), "utf8");
}
