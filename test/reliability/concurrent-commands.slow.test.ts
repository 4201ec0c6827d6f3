import type { SimState } from "@incident-app/github-simulator";
import { expect, it } from "vitest";
import { OWNER, PEOPLE, REPO } from "../../scripts/demo/scenario.js";
import { trustedMarkers } from "../../src/kernel/markers.js";
import { readAsPerson } from "../support/transcript.js";
import { fileDemoIncident, installOnDemoRepo } from "./support/demo-incident.js";
import { startReliabilityHarness } from "./support/reliability-harness.js";
import { summary } from "./support/summary.js";

/**
 * Twenty people-commands on one incident within the same moment, each delivered
 * while the others are being handled: every handler reads, decides and writes the
 * one timeline comment concurrently, and the verify loop must leave all 20 entries.
 */
it("20 commands posted at once on one incident: 20 timeline entries, each answered once", async () => {
  const harness = await startReliabilityHarness();
  const { sim, clock } = harness;
  try {
    await installOnDemoRepo(harness);
    const number = await fileDemoIncident(harness);

    clock.set(new Date("2026-02-03T14:30:00Z"));
    sim.deliveryMode = "concurrent";
    const before = sim.deliveries.length;
    const requestsBefore = sim.appRequests().length;
    const people = [PEOPLE.alice, PEOPLE.bob, PEOPLE.carol, PEOPLE.dave];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sim.as(people[i % people.length] ?? "alice").rest.issues.createComment({
          owner: OWNER,
          repo: REPO,
          issue_number: number,
          body: `/note concurrent note ${i + 1}`,
        }),
      ),
    );
    await harness.settle();

    const history = await readAsPerson(sim.as("alice"), OWNER, REPO, number);
    const comments = history.items.flatMap((item) => (item.type === "comment" ? [item] : []));
    const timelines = comments.filter((c) =>
      trustedMarkers(c, sim.botLogin).some((m) => m.kind === "timeline"),
    );
    const timeline = timelines[0]?.body ?? "";
    const entries = [...timeline.matchAll(/Note: “concurrent note (\d+)”/g)].map((match) => Number(match[1]));
    const state = sim.snapshot() as SimState;
    const notes = state.comments.filter((c) => c.body.startsWith("/note concurrent"));
    const unanswered = notes.filter(
      (c) => !c.reactions.some((r) => r.user === sim.botLogin && r.content === "eyes"),
    );
    const deliveries = sim.deliveries.slice(before);
    summary("20 concurrent commands", {
      deliveries: deliveries.length,
      max_in_flight_delivery_ms: Math.max(...deliveries.map((d) => d.durationMs ?? 0)),
      failed_deliveries: deliveries.filter((d) => d.status !== 200).length,
      app_requests: sim.appRequests().length - requestsBefore,
      writes: sim
        .appRequests()
        .slice(requestsBefore)
        .filter((e) => e.method !== "GET" && e.graphql !== "IncidentHistory").length,
      timeline_comments: timelines.length,
      timeline_entries: new Set(entries).size,
      duplicates_found: entries.length - new Set(entries).size + Math.max(0, timelines.length - 1),
      entries_lost: 20 - new Set(entries).size,
      unanswered: unanswered.length,
    });
    expect(timelines).toHaveLength(1);
    expect([...entries].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(unanswered).toEqual([]);
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
  } finally {
    await harness.close();
  }
});
