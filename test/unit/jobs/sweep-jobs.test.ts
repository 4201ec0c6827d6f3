import { describe, expect, it } from "vitest";
import { readRateLimit } from "../../../src/github/rate-limit-headers.js";
import { backoffMs } from "../../../src/jobs/queue-health.js";
import { localRateBudget } from "../../../src/jobs/rate-budget.js";
import { sweepJobId, sweepWindow } from "../../../src/jobs/sweep-jobs.js";
import { queueSettings } from "../../../src/server/queue-settings.js";

describe("sweep jobs", () => {
  it("name each job by its window, so adding it twice in a window adds it once", () => {
    const window = sweepWindow(Date.parse("2026-02-03T14:07:00Z"), 5 * 60_000);
    expect(window).toBe(sweepWindow(Date.parse("2026-02-03T14:05:00Z"), 5 * 60_000));
    expect(window).not.toBe(sweepWindow(Date.parse("2026-02-03T14:10:00Z"), 5 * 60_000));
    expect(sweepJobId({ kind: "pass", window })).toBe(`sweep/${window}`);
    expect(sweepJobId({ kind: "installation", window, installationId: 12 })).toBe(`sweep/${window}/12`);
    expect(sweepJobId({ kind: "repo", window, installationId: 12, repo: "acme/api" })).toBe(
      `sweep/${window}/12/acme/api`,
    );
    expect(sweepJobId({ kind: "repo", window, installationId: 12, repo: "acme/api" })).not.toContain(":");
  });

  it("back off 2 s, 8 s, 32 s", () => {
    expect([1, 2, 3].map((attempt) => backoffMs(attempt))).toEqual([2_000, 8_000, 32_000]);
  });
});

describe("rate budgets", () => {
  it("read GitHub's headers, and nothing from answers without them", () => {
    expect(readRateLimit({ "x-ratelimit-remaining": "42", "x-ratelimit-reset": "1770000000" })).toEqual({
      remaining: 42,
      resetAt: 1_770_000_000_000,
    });
    expect(readRateLimit({})).toBeNull();
    expect(readRateLimit(undefined)).toBeNull();
  });

  it("hold an installation's jobs until the reset once it is down to the reserve, and no other's", async () => {
    const budget = localRateBudget(100);
    const now = 1_000_000;
    budget.observe(1, { remaining: 4_000, resetAt: now + 60_000 });
    expect(await budget.waitUntil(1, now)).toBeNull();
    budget.observe(1, { remaining: 99, resetAt: now + 60_000 });
    expect(await budget.waitUntil(1, now)).toBe(now + 60_000);
    expect(await budget.waitUntil(2, now)).toBeNull();
    // After the reset the old reading says nothing.
    expect(await budget.waitUntil(1, now + 60_001)).toBeNull();
  });
});

describe("queue settings", () => {
  it("default to 8 jobs per replica, 2 per installation, a 30 s lease, and waiting for Redis", () => {
    expect(queueSettings({})).toEqual({
      redisUrl: null,
      concurrency: 8,
      perInstallation: 2,
      leaseMs: 30_000,
      fallback: "wait",
    });
    expect(queueSettings({ REDIS_URL: "redis://r:6379", QUEUE_FALLBACK: "in-process" })).toMatchObject({
      redisUrl: "redis://r:6379",
      fallback: "in-process",
    });
  });

  it("refuse values that cannot work, naming the setting", () => {
    expect(() => queueSettings({ SWEEP_CONCURRENCY: "0" })).toThrow(/SWEEP_CONCURRENCY="0"/);
    expect(() => queueSettings({ SWEEP_JOB_LEASE: "soon" })).toThrow(/SWEEP_JOB_LEASE/);
    expect(() => queueSettings({ QUEUE_FALLBACK: "yes" })).toThrow(/QUEUE_FALLBACK="yes": write wait/);
  });
});
