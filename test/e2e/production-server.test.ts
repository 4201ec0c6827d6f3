import { generateKeyPairSync } from "node:crypto";
import { rm } from "node:fs/promises";
import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM } from "../../scripts/demo/scenario.js";
import { ConfigSchema } from "../../src/config/schema.js";
import { labelSpecs } from "../../src/domain/label-specs.js";
import { createRealClock, type Simulator, startSimulator } from "../simulator/index.js";
import {
  buildProduction,
  cleanWorkingDirectory,
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
let cwd: string;
let incidentNumber = 0;

beforeAll(buildProduction);

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
    cwd = await cleanWorkingDirectory();
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
      cwd,
    );
    await server.waitFor(/Listening on/);
    appUrl = `http://127.0.0.1:${port}`;
    sim.setWebhookTarget(`${appUrl}/api/github/webhooks`);
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null) server.child.kill("SIGKILL");
    await sim?.close();
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  it("answers GET /healthz with its version and uptime, and nothing else", async () => {
    const response = await fetch(`${appUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["status", "uptime", "version"]);
    expect(body).toMatchObject({ status: "ok", version: "0.1.0" });
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

describe("the production build without credentials", () => {
  it("serves Probot's setup page, which registers the app from app.yml", async () => {
    const port = await freePort();
    const dir = await cleanWorkingDirectory();
    // NO_SMEE_SETUP: no webhook proxy channel is created (that needs the network).
    const setup = startServerProcess({ PORT: String(port), HOST: "127.0.0.1", NO_SMEE_SETUP: "true" }, dir);
    try {
      await setup.waitFor(/Listening on/);
      const page = await (await fetch(`http://127.0.0.1:${port}/probot`)).text();
      const manifest = JSON.parse(
        /name="manifest" id="manifest" value='([^']*)'/.exec(page)?.[1] ?? "{}",
      ) as {
        name?: string;
        default_events?: string[];
        default_permissions?: Record<string, string>;
        hook_attributes?: { url: string };
        redirect_url?: string;
      };
      expect(manifest.name).toBe("Incident Response");
      expect(manifest.default_events).toEqual(["issues", "issue_comment"]);
      expect(manifest.default_permissions).toEqual({ contents: "read", issues: "write", metadata: "read" });
      expect(manifest.hook_attributes?.url).toBe(`http://127.0.0.1:${port}/`);
      expect(manifest.redirect_url).toBe(`http://127.0.0.1:${port}/probot/setup`);
    } finally {
      setup.child.kill("SIGTERM");
      await setup.exited;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses to start in production, saying which variable is missing", async () => {
    const dir = await cleanWorkingDirectory();
    const started = startServerProcess({ NODE_ENV: "production", PORT: String(await freePort()) }, dir);
    try {
      expect(await started.exited).not.toBe(0);
      expect(started.output()).toContain("APP_ID");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses to start without WEBHOOK_SECRET rather than accept Probot's development secret", async () => {
    const dir = await cleanWorkingDirectory();
    const started = startServerProcess(
      { NODE_ENV: "production", APP_ID: "1", PRIVATE_KEY: privateKey, PORT: String(await freePort()) },
      dir,
    );
    try {
      expect(await started.exited).not.toBe(0);
      expect(started.output()).toContain("WEBHOOK_SECRET is not set");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
