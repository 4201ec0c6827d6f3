import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startSweepTimer } from "../../src/jobs/sweep-timer.js";
import { runSweep } from "../../src/pipelines/run-sweep.js";
import { actionItemsWorld, say } from "../support/action-items-world.js";
import { type Harness, startHarness } from "../support/harness.js";

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.close());

async function appComments(issue: number): Promise<string[]> {
  const { data } = await harness.sim
    .as("alice")
    .rest.issues.listComments({ owner: "acme", repo: "svc", issue_number: issue, per_page: 100 });
  return data.filter((c) => c.user?.login === harness.sim.botLogin).map((c) => c.body ?? "");
}

describe("a board the app may not use", () => {
  it("creates the items anyway and tells the incident once", async () => {
    const { sim } = harness;
    const world = await actionItemsWorld(harness);
    sim.setAppProjectAccess("acme", "none");
    await say(sim, "bob", world.incident, "/action Add an alert @dave");
    await say(sim, "bob", world.incident, "/action Write the runbook @alice");
    const notices = (await appComments(world.incident)).filter((body) =>
      body.includes("incident-app:board-problem"),
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('Grant the app "Organization projects: read and write"');
    const items = await sim
      .as("bob")
      .rest.issues.listForRepo({ owner: "acme", repo: "svc", labels: "action-item" });
    expect(items.data).toHaveLength(2);
    expect(sim.projectBoard("acme", 1)).toEqual([]);
  });

  it("says which field is missing", async () => {
    const world = await actionItemsWorld(
      harness,
      "project:\n  owner: acme\n  number: 1\n  fields:\n    due: Deadline\n",
    );
    await say(harness.sim, "bob", world.incident, "/action Add an alert @dave");
    const notices = (await appComments(world.incident)).filter((body) =>
      body.includes("incident-app:board-problem"),
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("has no field `Deadline`");
    expect(harness.sim.projectBoard("acme", 1)[0]?.values).toEqual({ Priority: "Medium", Status: "Todo" });
  });
});

describe("where the sweep runs", () => {
  it("a dry run describes what it would post and writes nothing", async () => {
    const { sim, clock } = harness;
    const world = await actionItemsWorld(harness);
    clock.set(new Date("2026-02-03T14:40:00Z"));
    const before = sim.appRequests().length;
    const report = await runSweep({
      octokit: world.octokit,
      repos: ["acme/svc"],
      now: clock.now(),
      dryRun: true,
    });
    expect(report.repos[0]?.plan).toEqual(["#1 escalation level 1 (unacknowledged) → @dave"]);
    expect(
      sim
        .appRequests()
        .slice(before)
        .map((e) => e.graphql ?? e.method),
    ).toEqual(["SweepViewer", "SweepRepository"]);
  });

  it("the server's timer sweeps every installation's repositories with open issues", async () => {
    const { sim, clock } = harness;
    const world = await actionItemsWorld(harness);
    clock.set(new Date("2026-02-03T14:40:00Z"));
    const runs: Array<{ repos: number; actions: number; failed: number }> = [];
    const stop = startSweepTimer(harness.probot, {
      intervalMs: 20,
      clock: () => clock.now(),
      onRun: (s) => runs.push(s),
    });
    try {
      await vi.waitFor(() => expect(runs.length).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    } finally {
      stop();
    }
    await sim.settle();
    expect(runs[0]).toEqual({ repos: 1, actions: 1, failed: 0 });
    expect(runs[1]).toEqual({ repos: 1, actions: 0, failed: 0 });
    const escalations = (await appComments(world.incident)).filter((b) =>
      b.includes("incident-app:escalation"),
    );
    expect(escalations).toHaveLength(1);
  });
});
