import { generateKeyPairSync } from "node:crypto";
import { rm } from "node:fs/promises";
import { createRealClock, type Simulator, startSimulator } from "@incident-app/github-simulator";
import { sign } from "@octokit/webhooks-methods";
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
 * `npm run build` then `npm start` (`node dist/src/server.js`) as a child process,
 * configured by environment variables alone, against the GitHub simulator: signed
 * webhooks are handled, badly signed ones are refused, `/healthz` answers, SIGTERM
 * stops it cleanly, and nothing secret reaches its logs.
 */
const SECRET = "production-test-webhook-secret";
const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
  type: "pkcs1",
  format: "pem",
}) as string;

let sim: Simulator;
let server: ServerProcess;
let appUrl: string;
let root: string;
let incidentNumber = 0;

describe("the production build (node dist/src/server.js) with credentials", () => {
  beforeAll(async () => {
    sim = await startSimulator({ clock: createRealClock(), appSlug: "incident-bot", webhookSecret: SECRET });
    sim.createOrg("acme", ["alice", "bob"], ["olivia"]);
    sim.createRepo({ owner: "acme", name: "shop" });
    // Labels as installing the app leaves them (that path has its own tests; here it
    // would only spend the production throttle's second per write).
    for (const label of labelSpecs(ConfigSchema.parse({})))
      await sim.as("olivia").rest.issues.createLabel({ owner: "acme", repo: "shop", ...label });
    await sim.installApp("acme", ["shop"]);

    const port = await freePort();
    root = await buildProductionLayout();
    server = startServerProcess(
      {
        NODE_ENV: "production",
        APP_ID: "1",
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: SECRET,
        GHE_HOST: new URL(sim.url).host,
        GHE_PROTOCOL: "http",
        HOST: "127.0.0.1",
        PORT: String(port),
        LOG_LEVEL: "debug",
        LOG_FORMAT: "json",
      },
      root,
    );
    await server.waitFor(/Listening on/);
    appUrl = `http://127.0.0.1:${port}`;
    sim.setWebhookTarget(`${appUrl}/api/github/webhooks`);
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    if (server && server.child.exitCode === null) server.child.kill("SIGKILL");
    await sim?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("answers GET /healthz with its version, uptime and sweep queue, and nothing else", async () => {
    const response = await fetch(`${appUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["queue", "status", "uptime", "version"]);
    expect(body).toMatchObject({
      status: "ok",
      version: "0.1.0",
      queue: { mode: "in-process", connected: true },
    });
    expect(typeof body.uptime).toBe("number");
  });

  it("declares an incident from a signed webhook", async () => {
    const number = sim.fileIssueForm(
      "alice",
      { owner: "acme", name: "shop" },
      { ...FORM, labels: ["incident"] },
    );
    await sim.settle();
    // The form's `opened` and `labeled`, then the echoes of the app's own writes: all answered 200.
    expect(new Set(sim.deliveries.filter((d) => d.event === "issues").map((d) => d.status))).toEqual(
      new Set([200]),
    );
    const { data: issue } = await sim
      .as("alice")
      .rest.issues.get({ owner: "acme", repo: "shop", issue_number: number });
    expect(issue.title).toMatch(/^\[INC-\d{8}-001\] /);
    incidentNumber = number;
    expect(issue.labels.map((label) => (typeof label === "string" ? label : label.name))).toContain("SEV-2");
  });

  it("refuses a webhook signed with another secret (400) and does nothing", async () => {
    const number = sim.fileIssueForm(
      "bob",
      { owner: "acme", name: "shop" },
      { title: "Not an incident", body: "", labels: [] },
    );
    const forged = structuredClone(sim.deliveries.filter((d) => d.event === "issues").at(-1)?.payload ?? {});
    (forged as { action: string }).action = "labeled";
    (forged as { label: unknown }).label = { id: 1, name: "incident", color: "ededed", default: false };
    const body = JSON.stringify(forged);
    const before = sim.log.length;
    const response = await fetch(`${appUrl}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "issues",
        "x-github-delivery": "forged-delivery",
        "x-hub-signature-256": await sign("not-the-secret", body),
      },
      body,
    });
    expect(response.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sim.log.slice(before)).toEqual([]);
    const { data: issue } = await sim
      .as("bob")
      .rest.issues.get({ owner: "acme", repo: "shop", issue_number: number });
    expect(issue.title).toBe("Not an incident");
  });

  it("logs the delivery, repo, incident and command, and never the key, the secret or a token", async () => {
    const number = incidentNumber;
    await sim
      .as("bob")
      .rest.issues.createComment({ owner: "acme", repo: "shop", issue_number: number, body: "/ack" });
    await sim.settle();
    const lines = server
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const applied = lines.filter((line) => line.msg === "applied plan");
    expect(applied.at(-1)).toMatchObject({
      event: "issue_comment.created",
      repo: "acme/shop",
      issue: number,
      commands: ["ack"],
      incident: expect.stringMatching(/^INC-\d{8}-001$/),
      id: sim.deliveries.find((d) => (d.payload as { comment?: { body?: string } }).comment?.body === "/ack")
        ?.id,
    });
    const text = server.output();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(privateKey.split("\n")[1]);
    expect(text).not.toMatch(/ghs_[0-9a-f]{20,}/);
  });

  it("stops cleanly on SIGTERM (docker stop)", async () => {
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });
});
