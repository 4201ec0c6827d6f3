import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { actionItemsWorld, appWrites, say } from "../support/action-items-world.js";
import { type Harness, startHarness } from "../support/harness.js";

/**
 * Done when: redelivering every webhook and running the sweep twice at the same moment
 * creates no duplicate issue, board item or reminder.
 */
let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.close());

describe("action items and the sweep are idempotent", () => {
  it("every webhook redelivered and the sweep run twice change nothing", async () => {
    const { sim, clock } = harness;
    const world = await actionItemsWorld(harness);
    clock.set(new Date("2026-02-03T14:30:00Z"));
    await say(sim, "bob", world.incident, "/ack");
    await say(
      sim,
      "bob",
      world.incident,
      "/action Add an alert @dave due:2026-02-06 priority:high\n/action Write the runbook @alice",
    );
    const items = (
      await sim.as("bob").rest.issues.listForRepo({ owner: "acme", repo: "svc", labels: "action-item" })
    ).data;
    expect(items.map((issue) => issue.title).sort()).toEqual(["Add an alert", "Write the runbook"]);
    const alert = items.find((issue) => issue.title === "Add an alert")?.number ?? 0;
    clock.set(new Date("2026-02-04T10:00:00Z"));
    await say(sim, "dave", alert, "/due 2026-02-09\n/priority medium");
    await world.sweep("2026-02-07T09:00:00Z");

    const before = await appWrites(sim);
    expect(before).toMatchObject({ issues: 2, board: 2 });
    const writesBefore = sim.appRequests().length;

    for (const delivery of [...sim.deliveries]) await sim.redeliver(delivery.id);
    const second = await world.sweep("2026-02-07T09:00:00Z");
    const third = await world.sweep("2026-02-07T09:00:00Z");

    expect(second.actions).toEqual([]);
    expect(third.actions).toEqual([]);
    expect(await appWrites(sim)).toEqual(before);
    const writes = sim
      .appRequests()
      .slice(writesBefore)
      .filter(
        (entry) =>
          entry.method !== "GET" &&
          !/^(IncidentHistory|ActionItem|SweepRepository)$/.test(entry.graphql ?? ""),
      );
    expect(writes.map((entry) => entry.graphql ?? `${entry.method} ${entry.path}`)).toEqual([]);
    expect(sim.deliveries.filter((delivery) => delivery.status !== 200)).toEqual([]);
    expect(sim.projectBoard("acme", 1).find((row) => row.issue === alert)?.values).toEqual({
      Due: "2026-02-09",
      Priority: "Medium",
      Status: "Todo",
    });
  });

  it("an edited /action comment keeps its items; a line added to it creates one more", async () => {
    const { sim, clock } = harness;
    const world = await actionItemsWorld(harness);
    clock.set(new Date("2026-02-03T14:30:00Z"));
    await say(sim, "bob", world.incident, "/action Add an alert @dave");
    const titles = async () =>
      (
        await sim.as("bob").rest.issues.listForRepo({ owner: "acme", repo: "svc", labels: "action-item" })
      ).data
        .map((issue) => issue.title)
        .sort();
    expect(await titles()).toEqual(["Add an alert"]);
    const { data: comments } = await sim
      .as("bob")
      .rest.issues.listComments({ owner: "acme", repo: "svc", issue_number: world.incident });
    const source = comments.find((comment) => comment.body?.startsWith("/action"));
    const edit = (body: string) =>
      sim
        .as("bob")
        .rest.issues.updateComment({ owner: "acme", repo: "svc", comment_id: source?.id ?? 0, body });
    await edit("/action Add an alert on the zero-result rate @dave");
    await sim.settle();
    expect(await titles()).toEqual(["Add an alert"]);
    await edit("/action Add an alert on the zero-result rate @dave\n/action Write the runbook @alice");
    await sim.settle();
    expect(await titles()).toEqual(["Add an alert", "Write the runbook"]);
    expect(sim.projectBoard("acme", 1)).toHaveLength(2);
  });
});
