import type { ApplicationFunction } from "probot";
import { createApp } from "../app.js";
import { publishFiles } from "../github/publish-files.js";
import { NO_QUEUE, type SweepQueue } from "../jobs/queue-health.js";
import { startSweepQueue } from "../jobs/start-sweep-queue.js";
import { defaultChatDeps } from "../outside/chat/chat-deps.js";
import { warRoomDepsFromEnv } from "../outside/slack/slack-deps.js";
import { defaultContentBudget, defaultIssueLock } from "../pipelines/app-deps.js";
import { handleSlackInbound, type SlackInbound } from "../pipelines/slack-inbound.js";
import { healthHandler, packageVersion } from "./health.js";
import { queueSettings } from "./queue-settings.js";
import { slackRoutes } from "./slack-routes.js";
import { sweepSettings } from "./sweep-settings.js";

/**
 * The app as `npm start` serves it: the webhook handlers, `GET /healthz`, and the
 * sweep's queue (BullMQ shared by the replicas with `REDIS_URL`, else in process).
 * Settings are read when Probot loads it, after `.env` is applied.
 */
export function serverApp(
  options: { env?: NodeJS.ProcessEnv; clock?: () => Date } = {},
): ApplicationFunction {
  const clock = options.clock ?? (() => new Date());
  return async (probot, { addHandler }) => {
    const env = options.env ?? process.env;
    if (!env.WEBHOOK_SECRET) {
      // Without it Probot would accept webhooks signed with its public development secret.
      throw new Error(
        "WEBHOOK_SECRET is not set: use the webhook secret of your GitHub App (see .env.example).",
      );
    }
    const sweep = sweepSettings(env);
    const queueConfig = queueSettings(env);
    const startedAt = clock().getTime();

    // One set of turns per issue for webhooks and the sweep (through Redis with REDIS_URL),
    // and one chat delivery and war room, so the sweep's notices, pages and channel posts go out too.
    const lock = defaultIssueLock(probot, queueConfig.redisUrl ?? undefined);
    const warRoom = warRoomDepsFromEnv(() => env);
    const chat = defaultChatDeps();
    const contentBudget = defaultContentBudget(probot, queueConfig.redisUrl ?? undefined);
    await createApp({ clock, lock, warRoom, chat, contentBudget })(probot, {
      addHandler,
      cwd: process.cwd(),
    });
    // The war room's Slack side (§15): slash commands and channel messages.
    const handle = (inbound: SlackInbound) =>
      handleSlackInbound(inbound, { probot, warRoom, log: probot.log });
    addHandler(slackRoutes({ warRoom, handle, log: probot.log }));
    let queue: SweepQueue = NO_QUEUE;
    addHandler(
      healthHandler({
        version: packageVersion(),
        startedAt,
        now: () => clock().getTime(),
        queue: () => queue.health(),
      }),
    );

    // With Redis the workers run even when this replica schedules nothing: others may.
    if (sweep.intervalMs === null && !queueConfig.redisUrl) {
      probot.log.info("sweep timer: off (SWEEP_INTERVAL=off)");
      return;
    }
    // The sweep's escalations and refreshed clocks reach the incident's Slack channel when
    // they happen, not with the next webhook.
    const outside = { chat, publishFiles, warRoom, log: probot.log.child({ name: "sweep" }) };
    queue = await startSweepQueue(probot, {
      ...queueConfig,
      intervalMs: sweep.intervalMs,
      clock,
      lock,
      outside,
    });
    const where = queueConfig.redisUrl ? "shared queue on Redis" : "in process";
    probot.log.info(
      {
        every: sweep.text,
        concurrency: queueConfig.concurrency,
        perInstallation: queueConfig.perInstallation,
      },
      `sweep timer: ${sweep.intervalMs === null ? "off" : "on"} (${where})`,
    );
    process.once("SIGTERM", () => void queue.stop());
  };
}
