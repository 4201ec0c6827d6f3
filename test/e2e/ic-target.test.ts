import { afterEach, describe, expect, it } from "vitest";
import { actionItemsWorld, say } from "../support/action-items-world.js";
import { type Harness, startHarness } from "../support/harness.js";

/**
 * Seed plans 000 and 003: SEV-2 needs an incident commander within 30 minutes; the sweep
 * nudges once. Seed plans 000 and 001: 30 minutes unresolved, prepare public communication.
 */
let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe("the incident commander target (simulator)", () => {
  it("shows the IC clock, nudges the on-call once when it passes, and stops it when someone takes the role", async () => {
    const h = await startHarness();
    harness = h;
    const world = await actionItemsWorld(h, "timeZone: UTC\n");
    const comments = async () => {
      const { data } = await h.sim.as("alice").rest.issues.listComments({
        owner: "acme",
        repo: "svc",
        issue_number: world.incident,
        per_page: 100,
      });
      return data.map((comment) => comment.body ?? "");
    };
    const icRow = async () =>
      ((await comments()).find((body) => body.includes("incident-app:timeline")) ?? "")
        .split("\n")
        .find((line) => line.startsWith("| IC engaged")) ?? "";
    const nudges = async () => (await comments()).filter((body) => body.includes("No incident commander"));

    expect(await icRow()).toContain("⏳ running");
    await world.sweep("2026-02-03T14:52:00Z");
    expect(await nudges()).toHaveLength(0);
    await world.sweep("2026-02-03T14:54:00Z");
    const [nudge, ...more] = await nudges();
    expect(more).toHaveLength(0);
    expect(nudge).toContain("SEV-2 needs an incident commander within 30m");
    expect(await icRow()).toContain("❌ breached");
    await world.sweep("2026-02-03T15:10:00Z");
    expect(await nudges()).toHaveLength(1);
    // Past 30m unresolved the comms prompt came too, once, with the customer-facing draft ready.
    const prompts = (await comments()).filter((body) => body.includes("External communication"));
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toContain("30 minutes without resolution: prepare public communication");
    expect(prompts[0]).toContain("We're currently experiencing issues with");

    harness.clock.set(new Date("2026-02-03T15:12:00Z"));
    await say(harness.sim, "bob", world.incident, "/ic @carol");
    expect(await icRow()).toMatch(
      /\| IC engaged \| 15:12 \| 49m to engage an IC \| ❌ breached by 19m \(target 30m\) \|/,
    );
  });
});
