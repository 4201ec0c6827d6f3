import { generateKeyPairSync } from "node:crypto";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BUILD_TIMEOUT_MS,
  buildProductionLayout,
  freePort,
  startServerProcess,
} from "../support/server-process.js";

/**
 * `npm start` from the production build without (all) credentials: Probot's setup
 * page registers the app from `app.yml`; in production a missing setting stops it
 * with one line saying which.
 */
let root: string;
const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
  type: "pkcs1",
  format: "pem",
}) as string;

beforeAll(async () => {
  root = await buildProductionLayout();
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("the production build without credentials", () => {
  it("serves Probot's setup page, which registers the app from app.yml", async () => {
    const port = await freePort();
    // NO_SMEE_SETUP: no webhook proxy channel is created (that needs the network).
    const setup = startServerProcess({ PORT: String(port), HOST: "127.0.0.1", NO_SMEE_SETUP: "true" }, root);
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
      expect(manifest.default_events).toEqual([
        "issues",
        "issue_comment",
        "pull_request",
        "deployment_status",
      ]);
      expect(manifest.default_permissions).toEqual({
        metadata: "read",
        issues: "write",
        contents: "write",
        pull_requests: "write",
        checks: "write",
        deployments: "write",
        organization_projects: "write",
      });
      expect(manifest.hook_attributes?.url).toBe(`http://127.0.0.1:${port}/`);
      expect(manifest.redirect_url).toBe(`http://127.0.0.1:${port}/probot/setup`);
    } finally {
      setup.child.kill("SIGTERM");
      await setup.exited;
    }
  });

  it("refuses to start in production, saying which variable is missing", async () => {
    const started = startServerProcess({ NODE_ENV: "production", PORT: String(await freePort()) }, root);
    expect(await started.exited).toBe(1);
    expect(started.output().trim()).toBe(
      "incident app did not start: App ID is missing, and is required to run in production mode. " +
        "To resolve, ensure the APP_ID environment variable is set.",
    );
  });

  it("refuses to start without WEBHOOK_SECRET rather than accept Probot's development secret", async () => {
    const started = startServerProcess(
      { NODE_ENV: "production", APP_ID: "1", PRIVATE_KEY: privateKey, PORT: String(await freePort()) },
      root,
    );
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain("incident app did not start: WEBHOOK_SECRET is not set");
  });
});
