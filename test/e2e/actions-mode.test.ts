import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClock, type Simulator, startSimulator } from "@incident-app/github-simulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FORM } from "../../scripts/demo/scenario.js";
import { runActionsEvent } from "../../src/actions/run-event.js";
import { clearConfigCache } from "../../src/config/config-cache.js";
import { ConfigSchema } from "../../src/config/schema.js";
import { labelSpecs } from "../../src/features/incident/label-specs.js";
import { forgetCheckedLabels } from "../../src/pipelines/ensure-labels.js";
import { TestOctokit } from "../support/probot.js";

/**
 * GitHub Actions mode against the simulator: the job's GITHUB_TOKEN is an
 * installation token of the `github-actions` app, so the simulator plays that app
 * and the payload is the one GitHub would write to GITHUB_EVENT_PATH.
 */
let sim: Simulator;
let dir: string;
const clock = createClock(new Date("2026-02-03T14:23:00Z"));

async function installationToken(installationId: number): Promise<string> {
  const response = await fetch(`${sim.url}/app/installations/${installationId}/access_tokens`, {
    method: "POST",
    headers: { authorization: "bearer header.payload.signature", accept: "application/vnd.github+json" },
  });
  return ((await response.json()) as { token: string }).token;
}

async function runJob(
  event: string,
  payload: Record<string, unknown> | null,
  token: string,
  extraEnv: Record<string, string> = {},
) {
  const path = join(dir, "event.json");
  await writeFile(path, JSON.stringify(payload ?? {}));
  return runActionsEvent({
    env: {
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: path,
      GITHUB_RUN_ID: "4242",
      GITHUB_TOKEN: token,
      GITHUB_API_URL: sim.url,
      LOG_LEVEL: (process.env.TEST_LOG_LEVEL as "debug" | undefined) ?? "warn",
      ...extraEnv,
    },
    clock: () => clock.now(),
    Octokit: TestOctokit,
  });
}

beforeEach(async () => {
  clearConfigCache();
  forgetCheckedLabels();
  dir = await mkdtemp(join(tmpdir(), "incident-actions-"));
  sim = await startSimulator({ clock, appSlug: "github-actions" });
  sim.createOrg("acme", ["alice", "bob"]);
  sim.createRepo({ owner: "acme", name: "shop" });
});

afterEach(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe("GitHub Actions mode (src/actions-entry.ts)", () => {
  it("declares an incident from an alert sent as `repository_dispatch` (event type incident-alert)", async () => {
    const installationId = await sim.installApp("acme", ["shop"]);
    const token = await installationToken(installationId);
    await sim.as("alice").rest.repos.createOrUpdateFileContents({
      owner: "acme",
      repo: "shop",
      path: ".github/incident.yml",
      message: "alerts",
      content: Buffer.from(
        "alerts:\n  routes:\n    - match: { service: search }\n      repository: acme/shop\n",
      ).toString("base64"),
    });
    const alert = JSON.parse(
      await readFile(new URL("../fixtures/alerts/alertmanager.firing.json", import.meta.url), "utf8"),
    );
    const payload = {
      action: "incident-alert",
      branch: "main",
      client_payload: { source: "alertmanager", payload: alert },
      repository: { full_name: "acme/shop", name: "shop", owner: { login: "acme" } },
      sender: { login: "alice" },
      installation: { id: installationId },
    };
    const outcome = await runJob("repository_dispatch", payload, token);
    expect(outcome.kind).toBe("handled");
    const { data: issue } = await sim
      .as("alice")
      .rest.issues.get({ owner: "acme", repo: "shop", issue_number: 1 });
    expect(issue.title).toBe("[INC-20260203-001] Search zero-result rate above 40% for 5 minutes");
    expect(issue.body).toContain("incident-app:alert fingerprint=3c2d3ab5a4b4f0e1 source=alertmanager");
    // Sent again (a retried job): the same incident counts it.
    await runJob("repository_dispatch", payload, token);
    const { data: all } = await sim.as("alice").rest.issues.listForRepo({ owner: "acme", repo: "shop" });
    expect(all.filter((one) => one.title.startsWith("[INC-"))).toHaveLength(1);
  });

  it("declares an incident from the form's `issues.opened` payload with the job's token, then takes a command", async () => {
    const installationId = await sim.installApp("acme", ["shop"]);
    const token = await installationToken(installationId);
    const number = sim.fileIssueForm(
      "alice",
      { owner: "acme", name: "shop" },
      { ...FORM, labels: ["incident"] },
    );
    // Like GitHub, the form's issue arrives as `opened` and then `labeled`: each starts a job.
    const jobs = sim.deliveries.filter((d) => d.event === "issues");
    expect(jobs.map((d) => d.action)).toEqual(["opened", "labeled"]);

    const before = sim.appRequests().length;
    for (const job of jobs) {
      const outcome = await runJob("issues", job.payload, token);
      expect(outcome).toEqual({ kind: "handled", event: "issues", botLogin: "github-actions[bot]" });
    }

    const alice = sim.as("alice");
    const { data: issue } = await alice.rest.issues.get({
      owner: "acme",
      repo: "shop",
      issue_number: number,
    });
    expect(issue.title).toMatch(/^\[INC-20260203-001\] /);
    expect(issue.labels.map((label) => (typeof label === "string" ? label : label.name)).sort()).toEqual([
      "SEV-2",
      "incident",
      "status: investigating",
    ]);
    const { data: comments } = await alice.rest.issues.listComments({
      owner: "acme",
      repo: "shop",
      issue_number: number,
    });
    expect(comments.map((comment) => comment.user?.login)).toEqual([
      "github-actions[bot]",
      "github-actions[bot]",
      "github-actions[bot]",
    ]);
    // `opened` (no label yet) costs nothing. `labeled`: the config (repo, then the org's
    // `.github`), one read, the labels the repo lacks (no installation event in this
    // mode, so the first incident creates them), the issue, the declaration, the checklist, the timeline.
    const requests = sim
      .appRequests()
      .slice(before)
      .map((r) => r.graphql ?? r.operation);
    expect(requests).toEqual([
      "repos/get-content",
      "repos/get-content",
      "IncidentHistory",
      // All but `incident`, which the form's label created.
      ...labelSpecs(ConfigSchema.parse({}))
        .filter((label) => label.name !== "incident")
        .map(() => "issues/create-label"),
      "issues/update",
      // The declaration and the timeline, one document.
      "IncidentWrites",
    ]);

    // The app's own comments are written with the job's token, so they start no job;
    // a person's command does.
    clock.advance(60_000);
    await alice.rest.issues.createComment({
      owner: "acme",
      repo: "shop",
      issue_number: number,
      body: "/ack",
    });
    const created = sim.deliveries
      .filter((d) => d.event === "issue_comment" && d.action === "created")
      .at(-1);
    await runJob("issue_comment", created?.payload ?? null, token);
    const { data: after } = await alice.rest.issues.get({
      owner: "acme",
      repo: "shop",
      issue_number: number,
    });
    expect(after.assignees?.map((user) => user.login)).toContain("alice");
  });

  it("treats a scheduled run as one sweep of the job's repository: nothing due, nothing written", async () => {
    const installationId = await sim.installApp("acme", ["shop"]);
    const token = await installationToken(installationId);
    const outcome = await runJob("schedule", { schedule: "*/10 * * * *" }, token, {
      GITHUB_REPOSITORY: "acme/shop",
    });
    expect(outcome).toEqual({ kind: "swept", event: "schedule", repos: ["acme/shop"], actions: 0 });
    const writes = sim.appRequests().filter((entry) => entry.method !== "GET" && !entry.graphql);
    expect(writes).toHaveLength(0);
    expect(sim.appRequests().length).toBeGreaterThan(0);
  });

  it("says what is missing when run outside a job", async () => {
    await expect(runActionsEvent({ env: {} })).rejects.toThrow(/GITHUB_EVENT_NAME is not set/);
    await expect(runActionsEvent({ env: { GITHUB_EVENT_NAME: "issues" } })).rejects.toThrow(
      /GITHUB_TOKEN is not set/,
    );
  });
});
