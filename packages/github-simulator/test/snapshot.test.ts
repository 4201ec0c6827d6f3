import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClock, createRealClock, isoSeconds } from "../src/clock.js";
import type { Simulator } from "../src/simulator.js";
import type { SimState } from "../src/store/model.js";
import { seededSimulator } from "./support.js";

let sim: Simulator;

beforeAll(async () => {
  sim = await seededSimulator();
  const alice = sim.as("alice");
  sim.clock.advance(1234);
  const { data: issue } = await alice.rest.issues.create({
    owner: "acme",
    repo: "svc",
    title: "t",
    labels: ["incident"],
  });
  const { data: comment } = await alice.rest.issues.createComment({
    owner: "acme",
    repo: "svc",
    issue_number: issue.number,
    body: "c",
  });
  await alice.rest.reactions.createForIssueComment({
    owner: "acme",
    repo: "svc",
    comment_id: comment.id,
    content: "+1",
  });
});
afterAll(() => sim.close());

describe("snapshot", () => {
  it("is the whole state as JSON: repos, issues, timeline, comments, labels, reactions", () => {
    const snap = sim.snapshot() as SimState;
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    const svc = snap.repos.find((r) => r.name === "svc");
    expect(svc?.labels.map((l) => l.name)).toEqual(["incident"]);
    expect(svc?.issues[0]).toMatchObject({ title: "t", state: "open", author: "alice" });
    expect(svc?.issues[0]?.timeline.map((t) => t.kind)).toEqual(["LabeledEvent", "IssueComment"]);
    expect(snap.comments[0]).toMatchObject({
      body: "c",
      reactions: [expect.objectContaining({ user: "alice", content: "+1" })],
    });
    expect(Object.keys(snap.accounts)).toEqual(
      expect.arrayContaining(["alice", "incident-bot[bot]", "acme"]),
    );
  });

  it("stores every timestamp from the clock, without milliseconds", () => {
    const stamps = JSON.stringify(sim.snapshot()).match(/"(createdAt|updatedAt)":"[^"]+"/g) ?? [];
    expect(stamps.length).toBeGreaterThan(5);
    for (const stamp of stamps) expect(stamp).toMatch(/"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"$/);
    expect(JSON.stringify(sim.snapshot())).toContain('"2026-02-03T14:23:01Z"');
  });

  it("is a copy", () => {
    const snap = sim.snapshot() as SimState;
    snap.repos.length = 0;
    expect((sim.snapshot() as SimState).repos.length).toBeGreaterThan(0);
  });
});

describe("clocks", () => {
  it("a manual clock moves only when told", () => {
    const clock = createClock(new Date("2026-02-03T14:23:00.500Z"));
    clock.advance(90_000);
    expect(isoSeconds(clock.now())).toBe("2026-02-03T14:24:30Z");
    clock.set(new Date("2026-03-01T00:00:00Z"));
    expect(clock.now().toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("the default clock follows real time, shifted by set and advance", () => {
    const clock = createRealClock();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
    clock.advance(86_400_000);
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(86_400_000 - 50);
  });
});
