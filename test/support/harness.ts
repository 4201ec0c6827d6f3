import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createClock, type SimClock, type Simulator, startSimulator } from "@incident-app/github-simulator";
import { createNodeMiddleware, type Probot } from "probot";
import { createApp } from "../../src/app.js";
import { clearConfigCache } from "../../src/config/config-cache.js";
import { type PublishFiles, publishFiles } from "../../src/github/publish-files.js";
import type { RetryPolicy } from "../../src/github/retry-policy.js";
import { BackgroundWork } from "../../src/outside/background-work.js";
import type { ChatDeps } from "../../src/outside/chat/chat-deps.js";
import type { WarRoomDeps } from "../../src/outside/slack/slack-deps.js";
import { forgetCheckedLabels } from "../../src/pipelines/ensure-labels.js";
import { clearTemplateCache } from "../../src/pipelines/repo-templates.js";
import { type MemoryPublisher, memoryPublisher } from "./memory-publisher.js";
import { testProbot } from "./probot.js";

/**
 * The whole product on one machine: the GitHub simulator and the real app server
 * (Probot's Node middleware over HTTP), wired with signed webhooks both ways.
 */
export const WEBHOOK_SECRET = "demo-webhook-secret";
export const WEBHOOK_PATH = "/api/github/webhooks";

export interface Harness {
  sim: Simulator;
  clock: SimClock;
  appUrl: string;
  chat: ChatDeps;
  /** What the app published (committed to the simulator's git through the real `publishFiles`). */
  publisher: MemoryPublisher;
  /** Every webhook answered and every chat delivery (with its failure reports) done. */
  settle(): Promise<void>;
  /** The app's Probot (for the sweep: `probot.auth(installationId)`). */
  probot: Probot;
  /** How the app's handlers retry (the demo's sweeps use it too); production's when absent. */
  retry?: RetryPolicy;
  close(): Promise<void>;
}

export interface HarnessOptions {
  start?: string;
  clock?: SimClock;
  /** Chat delivery; by default real HTTP, no environment, and back-off without waiting. */
  chat?: Partial<ChatDeps>;
  publishFiles?: PublishFiles;
  /** Slack for the war room (§15), and routes served before the webhooks (`/slack/*`). */
  warRoom?: WarRoomDeps;
  routes?: (probot: Probot) => (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** The app's environment (alert secrets, ALERTS_REPOSITORY, paging keys); empty by default. */
  env?: Record<string, string>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  clearConfigCache();
  clearTemplateCache();
  forgetCheckedLabels();
  const clock = options.clock ?? createClock(new Date(options.start ?? "2026-02-03T14:15:00Z"));
  const sim = await startSimulator({ clock, appSlug: "incident-bot", webhookSecret: WEBHOOK_SECRET });
  const probot = testProbot({ baseUrl: sim.url, secret: WEBHOOK_SECRET });
  const chat: ChatDeps = {
    fetch: (input, init) => fetch(input, init),
    sleep: async () => {},
    env: () => ({ ...options.env }),
    background: new BackgroundWork(),
    ...options.chat,
  };
  // The status site is committed to the simulator's git for real; the record is for checks.
  const publisher = memoryPublisher(publishFiles);
  const app = createApp({
    clock: () => clock.now(),
    chat,
    publishFiles: options.publishFiles ?? publisher.publish,
    ...(options.warRoom ? { warRoom: options.warRoom } : {}),
    env: () => options.env ?? {},
  });
  const middleware = await createNodeMiddleware(app, {
    probot,
    webhooksPath: WEBHOOK_PATH,
  });
  const routes = options.routes?.(probot);
  const server: Server = createServer(async (req, res) => {
    if (routes && (await routes(req, res))) return;
    middleware(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sim.setWebhookTarget(`${appUrl}${WEBHOOK_PATH}`);
  return {
    sim,
    clock,
    appUrl,
    chat,
    publisher,
    async settle() {
      const background = [chat.background, ...(options.warRoom ? [options.warRoom.background] : [])];
      // Background work may post to GitHub, and the webhooks that follow may start more.
      for (;;) {
        await sim.settle();
        for (const work of background) await work.idle();
        await sim.settle();
        if (!background.some((work) => work.busy)) break;
      }
    },
    probot,
    async close() {
      await chat.background.idle();
      await options.warRoom?.background.idle();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sim.close();
    },
  };
}
