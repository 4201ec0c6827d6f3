import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Octokit } from "../../src/github/client.js";
import { asOctokit } from "../../src/github/client.js";
import { runSweep } from "../../src/pipelines/run-sweep.js";
import { type Harness, startHarness } from "../support/harness.js";
import { sweepActionItems, sweepIncidents } from "../support/sweep-seed.js";

/**
 * Done when: a sweep over 100 open incidents and 1,000 open action items with nothing
 * due costs at most 15 API requests; with 50 due, at most 15 + 50. The state is
 * written straight into the simulator's store (no webhooks), then swept as the app.
 */
const NOW = new Date("2026-02-10T09:00:00Z");
let harness: Harness;
let octokit: Octokit;

const actionItems = (count: number, due: (index: number) => string) =>
  sweepActionItems({
    owner: "acme",
    repo: "svc",
    count,
    incidents: 100,
    due,
    botLogin: harness.sim.botLogin,
    now: NOW,
  });

async function sweepRequests(): Promise<{ requests: number; actions: number; operations: string[] }> {
  const { sim } = harness;
  const start = sim.appRequests().length;
  const report = await runSweep({
    octokit,
    repos: ["acme/svc"],
    now: NOW,
    dryRun: false,
    botLogin: sim.botLogin,
  });
  const made = sim.appRequests().slice(start);
  return {
    requests: made.length,
    actions: report.actions.length,
    operations: made.map((entry) => entry.graphql ?? `${entry.method} ${entry.path}`),
  };
}

beforeAll(async () => {
  harness = await startHarness({ start: NOW.toISOString() });
  const { sim } = harness;
  sim.createOrg("acme", ["alice", "bob", "dave"]);
  sim.createRepo({ owner: "acme", name: "svc", files: { ".github/incident.yml": "timeZone: UTC\n" } });
  const installation = await sim.installApp("acme", ["svc"]);
  octokit = asOctokit(await harness.probot.auth(installation));
  sim.seedIssues("acme", "svc", sweepIncidents(100, NOW));
  sim.seedIssues(
    "acme",
    "svc",
    actionItems(1_000, () => "2026-03-01"),
  );
}, 120_000);
afterAll(() => harness.close());

describe("the sweep's cost on a large repository", () => {
  it("reads 100 incidents and 1,000 action items with nothing due in at most 15 requests", async () => {
    const { requests, actions, operations } = await sweepRequests();
    expect(actions).toBe(0);
    expect(requests).toBeLessThanOrEqual(15);
    expect(operations.filter((op) => op === "SweepRepository")).toHaveLength(10);
    console.log(`nothing due: ${requests} requests (${operations.join(", ")})`);
  });

  it("with 50 due, at most 15 + 50: one comment per reminder", async () => {
    harness.sim.seedIssues(
      "acme",
      "svc",
      actionItems(50, () => "2026-02-10"),
    );
    const { requests, actions, operations } = await sweepRequests();
    expect(actions).toBe(50);
    expect(requests).toBeLessThanOrEqual(15 + 50);
    expect(operations.filter((op) => op === "AddReminder")).toHaveLength(50);
    console.log(`50 due: ${requests} requests`);
    const again = await sweepRequests();
    expect(again.actions).toBe(0);
  });
});
