import type { ApplicationFunction } from "probot";
import { createApp } from "../app.js";
import { publishFiles } from "../github/publish-files.js";
import { defaultChatDeps } from "../outside/chat/chat-deps.js";
import { startSweepTimer } from "../pipelines/sweep-timer.js";
import { healthHandler, packageVersion } from "./health.js";
import { sweepSettings } from "./sweep-settings.js";

/**
 * The app as `npm start` serves it: the webhook handlers, `GET /healthz`, and the
 * sweep timer. Settings are read when Probot loads it, after `.env` is applied.
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
    const startedAt = clock().getTime();

    // One chat delivery for webhooks and the sweep, so the sweep's notices reach chat too.
    const chat = defaultChatDeps();
    await createApp({ clock, chat })(probot, { addHandler, cwd: process.cwd() });
    addHandler(healthHandler({ version: packageVersion(), startedAt, now: () => clock().getTime() }));

    if (sweep.intervalMs === null) {
      probot.log.info("sweep timer: off (SWEEP_INTERVAL=off)");
    } else {
      const outside = { chat, publishFiles, log: probot.log.child({ name: "sweep" }) };
      startSweepTimer(probot, { intervalMs: sweep.intervalMs, clock, outside });
      probot.log.info({ every: sweep.text }, "sweep timer: on");
    }
  };
}
