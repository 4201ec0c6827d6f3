import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, type Probot } from "probot";
import { createApp } from "../../src/app.js";
import { clearConfigCache } from "../../src/config/config-cache.js";
import { forgetCheckedLabels } from "../../src/handlers/ensure-labels.js";
import { createClock, type SimClock, type Simulator, startSimulator } from "../simulator/index.js";
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
  /** The app's Probot (for the sweep: `probot.auth(installationId)`). */
  probot: Probot;
  close(): Promise<void>;
}

export async function startHarness(options: { start?: string; clock?: SimClock } = {}): Promise<Harness> {
  clearConfigCache();
  forgetCheckedLabels();
  const clock = options.clock ?? createClock(new Date(options.start ?? "2026-02-03T14:15:00Z"));
  const sim = await startSimulator({ clock, appSlug: "incident-bot", webhookSecret: WEBHOOK_SECRET });
  const probot = testProbot({ baseUrl: sim.url, secret: WEBHOOK_SECRET });
  const middleware = await createNodeMiddleware(createApp({ clock: () => clock.now() }), {
    probot,
    webhooksPath: WEBHOOK_PATH,
  });
  const server: Server = createServer((req, res) => {
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
    probot,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sim.close();
    },
  };
}
