import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { rm } from "node:fs/promises";
import { createRealClock, type Simulator, startSimulator } from "@incident-app/github-simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM } from "../../scripts/demo/scenario.js";
import { ConfigSchema } from "../../src/config/schema.js";
import { labelSpecs } from "../../src/features/incident/label-specs.js";
import {
  BUILD_TIMEOUT_MS,
  buildProductionLayout,
  freePort,
  type ServerProcess,
  startServerProcess,
} from "../support/server-process.js";

/**
 * Scaling out (docs/operating.md): two replicas of the production build share one
 * Redis through REDIS_URL, and an incident whose events land on either replica
 * comes out the same. Skipped where no `redis-server` is installed.
 */
function hasRedis(): boolean {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const SECRET = "replicas-webhook-secret";
const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
  type: "pkcs1",
  format: "pem",
}) as string;
const redisAvailable = hasRedis();
let redis: ChildProcess | null = null;
let redisPort = 0;
let sim: Simulator;
let root = "";
const replicas: Array<{ server: ServerProcess; url: string }> = [];

beforeAll(async () => {
  if (!redisAvailable) return;
  redisPort = await freePort();
  redis = spawn("redis-server", ["--port", String(redisPort), "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  root = await buildProductionLayout();
  sim = await startSimulator({ clock: createRealClock(), appSlug: "incident-bot", webhookSecret: SECRET });
  sim.createOrg("acme", ["alice", "bob"], ["olivia"]);
  sim.createRepo({ owner: "acme", name: "shop" });
  for (const label of labelSpecs(ConfigSchema.parse({})))
    await sim.as("olivia").rest.issues.createLabel({ owner: "acme", repo: "shop", ...label });
  await sim.installApp("acme", ["shop"]);
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const server = startServerProcess(
      {
        NODE_ENV: "production",
        APP_ID: "1",
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: SECRET,
        GHE_HOST: new URL(sim.url).host,
        GHE_PROTOCOL: "http",
        HOST: "127.0.0.1",
        PORT: String(port),
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        LOG_LEVEL: "info",
        LOG_FORMAT: "json",
      },
      root,
    );
    await server.waitFor(/Listening on/);
    replicas.push({ server, url: `http://127.0.0.1:${port}/api/github/webhooks` });
  }
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  for (const { server } of replicas) server.child.kill("SIGKILL");
  redis?.kill("SIGKILL");
  await sim?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe.skipIf(!redisAvailable)("two replicas sharing Redis (REDIS_URL)", () => {
  it("handle one incident's events in turn and agree", async () => {
    const [first, second] = replicas;
    if (!first || !second) throw new Error("replicas did not start");
    sim.setWebhookTarget(first.url);
    const number = sim.fileIssueForm(
      "alice",
      { owner: "acme", name: "shop" },
      { ...FORM, labels: ["incident"] },
    );
    await sim.settle();
    sim.setWebhookTarget(second.url);
    await sim
      .as("bob")
      .rest.issues.createComment({ owner: "acme", repo: "shop", issue_number: number, body: "/ack" });
    await sim.settle();

    const handled = sim.deliveries.filter((delivery) => delivery.event !== "installation");
    expect(new Set(handled.map((delivery) => delivery.status))).toEqual(new Set([200]));
    const { data: issue } = await sim
      .as("bob")
      .rest.issues.get({ owner: "acme", repo: "shop", issue_number: number });
    expect(issue.title).toMatch(/^\[INC-\d{8}-001\] /);
    expect(issue.assignees?.map((user) => user.login)).toContain("bob");
    // The throttling state both replicas shared.
    const keys = execFileSync("redis-cli", ["-p", String(redisPort), "--scan"], { encoding: "utf8" });
    expect(keys).toMatch(/octokit-write/);
    for (const { server } of replicas) {
      expect(server.output()).toContain('"msg":"applied plan"');
      expect(server.output()).not.toMatch(/"level":50/);
    }
  });
});
