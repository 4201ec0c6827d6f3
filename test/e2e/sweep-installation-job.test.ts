import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { localSlots } from "../../src/jobs/installation-slots.js";
import { startLocalQueue } from "../../src/jobs/local-queue.js";
import { localRateBudget } from "../../src/jobs/rate-budget.js";
import { runSweepJob, type SweepJobDeps } from "../../src/jobs/run-sweep-job.js";
import { type SweepJob, sweepJobId } from "../../src/jobs/sweep-jobs.js";
import { type Harness, startHarness } from "../support/harness.js";

/**
 * An installation's sweep job on the simulator: with one repository (most
 * installations) it sweeps that repository itself, without a second job through the
 * queue; with several, or while its installation's slots are taken, it adds one job
 * per repository, as before.
 */
let h: Harness;
let single = 0;
let several = 0;
beforeAll(async () => {
  h = await startHarness();
  h.sim.createOrg("acme", ["alice"]);
  h.sim.createOrg("beta", ["bob"]);
  for (const [owner, name] of [
    ["acme", "one"],
    ["beta", "a"],
    ["beta", "b"],
  ] as const) {
    h.sim.createRepo({ owner, name });
    await h.sim
      .as(owner === "acme" ? "alice" : "bob")
      .rest.issues.create({ owner, repo: name, title: "open" });
  }
  single = await h.sim.installApp("acme", ["one"]);
  several = await h.sim.installApp("beta", ["a", "b"]);
  await h.settle();
}, 60_000);
afterAll(() => h.close());

function deps(added: SweepJob[], slots = localSlots(2), woken: string[] = []): SweepJobDeps {
  return {
    probot: h.probot,
    clock: () => h.clock.now(),
    botLogin: async () => h.sim.botLogin,
    formTemplate: "",
    slots,
    budget: localRateBudget(),
    log: h.probot.log,
    enqueue: async (jobs) => {
      added.push(...jobs);
    },
    wake: async (id) => {
      woken.push(id);
    },
    busyWaitMs: 1_000,
  };
}

const swept = (repo: string, since: number) =>
  h.sim.log
    .slice(since)
    .some((entry) => entry.graphql !== undefined && JSON.stringify(entry.body).includes(repo));

describe("an installation's sweep job", () => {
  it("sweeps its only repository itself", async () => {
    const added: SweepJob[] = [];
    const mark = h.sim.log.length;
    const outcome = await runSweepJob(
      { kind: "installation", window: 1, installationId: single },
      deps(added),
    );
    expect(outcome).toEqual({ kind: "done", added: 0, swept: 1, actions: 0 });
    expect(added).toEqual([]);
    expect(swept('"one"', mark)).toBe(true);
  });

  it("adds one job per repository when it has several", async () => {
    const added: SweepJob[] = [];
    const outcome = await runSweepJob(
      { kind: "installation", window: 1, installationId: several },
      deps(added),
    );
    expect(outcome).toEqual({ kind: "done", added: 2, swept: 0, actions: 0 });
    expect(added.map((job) => (job.kind === "repo" ? job.repo : job.kind)).sort()).toEqual([
      "beta/a",
      "beta/b",
    ]);
  });

  it("adds its repository's job when the installation's slots are taken", async () => {
    const slots = localSlots(1);
    expect(await slots.take(single, "acme/other")).toBe(true);
    const added: SweepJob[] = [];
    const mark = h.sim.log.length;
    const outcome = await runSweepJob(
      { kind: "installation", window: 1, installationId: single },
      deps(added, slots),
    );
    expect(outcome).toEqual({ kind: "done", added: 1, swept: 0, actions: 0 });
    expect(added).toEqual([{ kind: "repo", window: 1, installationId: single, repo: "acme/one" }]);
    expect(swept('"one"', mark)).toBe(false);
  });

  it("wakes the repository job its slot turned away, once it gives the slot back", async () => {
    const slots = localSlots(1);
    const woken: string[] = [];
    const job = (repo: string): SweepJob => ({ kind: "repo", window: 1, installationId: several, repo });
    const [first, second] = await Promise.all([
      runSweepJob(job("beta/a"), deps([], slots, woken)),
      runSweepJob(job("beta/b"), deps([], slots, woken)),
    ]);
    expect(first).toEqual({ kind: "done", added: 0, swept: 1, actions: 0 });
    expect(second).toMatchObject({ kind: "later", why: "busy" });
    expect(woken).toEqual([sweepJobId(job("beta/b"))]);
    // Nobody waits now: the next slot given back wakes nothing.
    expect(await slots.take(several, "beta/b")).toBe(true);
    expect(await slots.give(several, "beta/b")).toBeNull();
  });

  it("keeps its own result when the job it wakes cannot be woken", async () => {
    const slots = localSlots(1);
    const failing: SweepJobDeps = {
      ...deps([], slots),
      wake: async () => {
        throw new Error("Redis is gone");
      },
    };
    const job = (repo: string): SweepJob => ({ kind: "repo", window: 2, installationId: several, repo });
    const [first, second] = await Promise.all([
      runSweepJob(job("beta/a"), failing),
      runSweepJob(job("beta/b"), failing),
    ]);
    expect(first).toEqual({ kind: "done", added: 0, swept: 1, actions: 0 });
    expect(second).toMatchObject({ kind: "later", why: "busy" });
  });
});

describe("the in-process queue", () => {
  it("runs a job that waits for its installation's slot as soon as the slot is free, not after its wait", async () => {
    const runs: Array<{ repos: number; failed: number }> = [];
    // A wait of an hour: the pass can only end in time if the freed slot wakes the job.
    const queue = startLocalQueue(
      { ...deps([], localSlots(1)), busyWaitMs: 3_600_000 },
      { intervalMs: null, concurrency: 4, log: h.probot.log, onRun: (run) => runs.push(run) },
    );
    await queue.sweepNow();
    await vi.waitFor(() => expect(runs).toHaveLength(1), { timeout: 30_000, interval: 50 });
    expect(runs[0]).toMatchObject({ repos: 3, failed: 0 });
    await queue.stop();
  });
});
