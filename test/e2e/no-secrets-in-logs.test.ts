import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { createClock, type Simulator, startSimulator } from "@incident-app/github-simulator";
import { sign } from "@octokit/webhooks-methods";
import { pino } from "pino";
import { createNodeMiddleware, Probot } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM } from "../../scripts/demo/scenario.js";
import { createApp } from "../../src/app.js";
import { clearConfigCache } from "../../src/config/config-cache.js";
import { forgetCheckedLabels } from "../../src/pipelines/ensure-labels.js";
import { TestOctokit, testPrivateKey } from "../support/probot.js";

/**
 * Everything the app and Probot log at `trace` while an incident is declared, a
 * command is run and a forged webhook is refused: never the private key, the
 * webhook secret, an installation token or the app's JWT.
 */
const SECRET = "trace-test-webhook-secret-9f3a";
const lines: string[] = [];
let sim: Simulator;
let server: Server;
let webhookUrl: string;

beforeAll(async () => {
  clearConfigCache();
  forgetCheckedLabels();
  sim = await startSimulator({ clock: createClock(new Date("2026-02-03T14:23:00Z")), webhookSecret: SECRET });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  const probot = new Probot({
    appId: 1,
    privateKey: testPrivateKey(),
    secret: SECRET,
    baseUrl: sim.url,
    Octokit: TestOctokit,
    log: pino({ level: "trace" }, sink),
  });
  const middleware = await createNodeMiddleware(createApp({ clock: () => sim.clock.now() }), { probot });
  server = createServer((req, res) => middleware(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  sim.setWebhookTarget(webhookUrl);
  sim.createOrg("acme", ["alice"]);
  sim.createRepo({ owner: "acme", name: "shop" });
  await sim.installApp("acme", ["shop"]);
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await sim.close();
});

describe("logs at LOG_LEVEL=trace", () => {
  it("carry the event's fields and no secret", async () => {
    const number = sim.fileIssueForm(
      "alice",
      { owner: "acme", name: "shop" },
      { ...FORM, labels: ["incident"] },
    );
    await sim.settle();
    await sim
      .as("alice")
      .rest.issues.createComment({ owner: "acme", repo: "shop", issue_number: number, body: "/ack" });
    await sim.settle();
    const body = JSON.stringify({ action: "opened", issue: { number } });
    const forged = await fetch(webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "issues",
        "x-github-delivery": "forged",
        "x-hub-signature-256": await sign("wrong", body),
      },
      body,
    });
    expect(forged.status).toBe(400);

    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.filter((record) => record.level === 10 || record.level === 20).length).toBeGreaterThan(10);
    expect(
      records.find((record) => record.msg === "applied plan" && record.event === "issue_comment.created"),
    ).toMatchObject({
      repo: "acme/shop",
      issue: number,
      commands: ["ack"],
      incident: "INC-20260203-001",
    });

    const text = lines.join("\n");
    const keyLines = testPrivateKey()
      .split("\n")
      .filter((line) => line.length > 20 && !line.startsWith("-----"));
    for (const line of keyLines) expect(text).not.toContain(line);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/ghs_[0-9a-f]{20,}/);
    expect(text).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
  });
});
