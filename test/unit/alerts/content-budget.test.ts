import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import {
  admits,
  CONTENT_COST,
  limitsFor,
  STORM_RESERVE,
  secondsUntilRoom,
} from "../../../src/features/alerts/content-budget.js";
import { contentCreated } from "../../../src/github/content-meter.js";
import { contentAccount } from "../../../src/pipelines/alert-content.js";
import { localContentBudget, sharedContentBudget } from "../../../src/pipelines/content-budget.js";

const LIMITS = { perMinute: 50, perHour: 400 };
const T0 = Date.parse("2026-02-03T14:00:00Z");
const times = (count: number, at: number) => Array.from({ length: count }, () => at);

describe("the alerts' content budget (sliding minute and hour)", () => {
  it("admits while both windows have room, all or nothing", () => {
    expect(admits(times(47, T0), T0, 3, LIMITS)).toBe(true);
    expect(admits(times(48, T0), T0, 3, LIMITS)).toBe(false);
    // 60 seconds later the minute is free again; the hour still counts them.
    expect(admits(times(48, T0), T0 + 60_000, 3, LIMITS)).toBe(true);
    expect(admits(times(398, T0 - 30 * 60_000), T0, 3, LIMITS)).toBe(false);
    expect(admits(times(398, T0 - 60 * 60_000), T0, 3, LIMITS)).toBe(true);
  });

  it("a sliding window: a burst at the end of one minute counts against the start of the next", () => {
    const late = times(40, T0 + 59_000);
    expect(admits(late, T0 + 61_000, 20, LIMITS)).toBe(false);
    expect(admits(late, T0 + 119_001, 20, LIMITS)).toBe(true);
  });

  it("incidents of their own leave the storm incident's reserve", () => {
    expect(limitsFor("own", LIMITS)).toEqual({ perMinute: 50 - STORM_RESERVE, perHour: 400 - STORM_RESERVE });
    expect(limitsFor("storm", LIMITS)).toEqual(LIMITS);
    expect(STORM_RESERVE).toBeGreaterThanOrEqual(CONTENT_COST.openStorm);
  });

  it("says when room comes back: the minute, else the hour", () => {
    expect(secondsUntilRoom(times(50, T0), T0 + 20_000, 4, LIMITS)).toBe(40);
    const hour = [...times(396, T0 - 50 * 60_000), ...times(4, T0)];
    expect(secondsUntilRoom(hour, T0, 4, LIMITS)).toBe(10 * 60);
  });
});

describe("an account's reservations, settled against what was made", () => {
  it("gives back what a reservation did not use, and records what it made beyond", async () => {
    const budget = localContentBudget();
    let now = new Date(T0);
    const clock = () => now;
    const first = contentAccount(budget, "acme", LIMITS, clock);
    expect(await first.afford(44, "own")).toBe(true);
    expect(await first.afford(1, "own")).toBe(false);
    expect(first.retryAfterSeconds()).toBe(60);
    // It made 40: four come back.
    await first.settle(40);
    const second = contentAccount(budget, "acme", LIMITS, clock);
    expect(await second.afford(4, "own")).toBe(true);
    expect(await second.afford(6, "storm")).toBe(true);
    // It made 12, two more than it reserved: they count.
    await second.settle(12);
    const third = contentAccount(budget, "acme", LIMITS, clock);
    expect(await third.afford(1, "storm")).toBe(false);
    // Another account has its own budget.
    expect(await contentAccount(budget, "other", LIMITS, clock).afford(44, "own")).toBe(true);
    now = new Date(T0 + 60_000);
    expect(await third.afford(44, "own")).toBe(true);
  });
});

describe("the content meter's count of one request", () => {
  it("counts each issue and comment created, aliased mutations one each; reads and edits none", () => {
    const graphql = (query: string) => contentCreated({ method: "POST", url: "/graphql", query });
    expect(
      graphql(
        "mutation IncidentWrites { a: addComment(input: {}) { clientMutationId } b: updateIssueComment(input: {}) { clientMutationId } c: addComment(input: {}) { clientMutationId } }",
      ),
    ).toBe(2);
    expect(graphql("query AlertIncidents { repository { id } }")).toBe(0);
    expect(contentCreated({ method: "POST", url: "/repos/{owner}/{repo}/issues" })).toBe(1);
    expect(contentCreated({ method: "POST", url: "/repos/acme/search/issues/12/comments" })).toBe(1);
    expect(contentCreated({ method: "PATCH", url: "/repos/acme/search/issues/12" })).toBe(0);
    expect(contentCreated({ method: "POST", url: "/repos/acme/search/issues/12/labels" })).toBe(0);
  });
});

describe("the shared budget when Redis does not answer", () => {
  it("counts in the process meanwhile and says so, rather than failing the alerts", async () => {
    const down = () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:6379"));
    const redis = { eval: down, zrange: down, zrem: down, zadd: down, pexpire: down } as unknown as Redis;
    const told: unknown[] = [];
    const budget = sharedContentBudget(redis, (error) => told.push(error));
    const first = await budget.reserve("acme", 44, LIMITS, T0);
    expect(first.reserved).toBe(true);
    expect(await budget.reserve("acme", 7, LIMITS, T0)).toEqual({ reserved: false, retryAfterSeconds: 60 });
    expect(told).toHaveLength(2);
  });
});
