import type { RequestLogEntry } from "@incident-app/github-simulator";
import { afterEach, describe, expect, it } from "vitest";
import { actionItemsWorld, say, type World } from "../support/action-items-world.js";
import { type Harness, startHarness } from "../support/harness.js";
import { timelineRows } from "../support/incident-fixture.js";

/**
 * Live clocks and quiet incidents (issue 19): the sweep converges an incident whose
 * timeline shows a clock that changed state, or that missed an event, and writes
 * nothing for the others. SEV-2: acknowledge within 15 minutes of 14:23.
 */
let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const CONFIG = "timeZone: UTC\n";

function isWrite(entry: RequestLogEntry): boolean {
  return entry.path.endsWith("/graphql")
    ? /^\s*mutation\b/.test(String((entry.body as { query?: string } | null)?.query))
    : entry.method !== "GET";
}

async function timeline(h: Harness, world: World): Promise<{ body: string }> {
  const { data } = await h.sim
    .as("alice")
    .rest.issues.listComments({ owner: "acme", repo: "svc", issue_number: world.incident, per_page: 100 });
  const body = data.find((c) => c.body?.includes("incident-app:timeline"))?.body ?? "";
  return { body };
}

async function sweepWrites(h: Harness, world: World, at: string): Promise<number> {
  const mark = h.sim.log.length;
  await world.sweep(at);
  return h.sim
    .appRequests()
    .filter((entry) => h.sim.log.indexOf(entry) >= mark && entry.delivery === null)
    .filter(isWrite).length;
}

const ackCell = (body: string) => body.split("\n").find((line) => line.includes("Acknowledged")) ?? "";

describe("the sweep keeps timelines live", () => {
  it("shows a breached target within one sweep, once, and writes nothing when no clock changed", async () => {
    harness = await startHarness();
    const world = await actionItemsWorld(harness, CONFIG);
    expect(ackCell((await timeline(harness, world)).body)).toContain("⏳ running");

    // 14:30: the target is still running; "8m left" is not worth a write.
    expect(await sweepWrites(harness, world, "2026-02-03T14:30:00Z")).toBe(0);
    expect(ackCell((await timeline(harness, world)).body)).toContain("⏳ running");

    // 14:40: past 14:38. The reminder (one comment) and the timeline (one write).
    expect(await sweepWrites(harness, world, "2026-02-03T14:40:00Z")).toBe(2);
    expect(ackCell((await timeline(harness, world)).body)).toContain("❌ breached");

    // The same moment again, and later with no new state: nothing.
    expect(await sweepWrites(harness, world, "2026-02-03T14:40:00Z")).toBe(0);
    expect(await sweepWrites(harness, world, "2026-02-03T14:45:00Z")).toBe(0);
  });

  it("heals a quiet incident that missed a webhook, once its own delivery had its chance", async () => {
    harness = await startHarness();
    const world = await actionItemsWorld(harness, CONFIG);
    const { sim, clock } = harness;
    sim.holdDeliveries((delivery) => delivery.event === "issue_comment");
    clock.set(new Date("2026-02-03T14:25:00Z"));
    await say(sim, "bob", world.incident, "/ack");
    sim.holdDeliveries(() => false);
    expect(
      timelineRows((await timeline(harness, world)).body).some((row) => row.includes("Acknowledged")),
    ).toBe(false);

    // Within the grace period the webhook may still be on its way: left alone.
    expect(await sweepWrites(harness, world, "2026-02-03T14:26:00Z")).toBe(0);
    // Then the sweep converges it like the event would have.
    expect(await sweepWrites(harness, world, "2026-02-03T14:28:00Z")).toBeGreaterThan(0);
    const healed = (await timeline(harness, world)).body;
    expect(timelineRows(healed).some((row) => row.startsWith("| 14:25 | Acknowledged"))).toBe(true);
    expect(await sweepWrites(harness, world, "2026-02-03T14:29:00Z")).toBe(0);
  });
});
