import type { RequestLogEntry, Simulator } from "@incident-app/github-simulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { actionItemsWorld, appWrites, say } from "../support/action-items-world.js";
import { type Harness, startHarness } from "../support/harness.js";

/**
 * The merged review's action-items table on the simulator: the rows people added
 * become action items on the board with the `/action` one, a malformed row is named
 * once on the pull request, and every webhook redelivered (and the sweep run twice at
 * the same moment) changes nothing.
 */
const repo = { owner: "acme", repo: "svc" };
const BRANCH = "pir/inc-20260203-001";
const PATH = "docs/incidents/INC-20260203-001.md";
const ROWS = [
  "| Add a unit test for division by zero | @dave | 2026-02-05 | medium | TODO |",
  "| Document the rollback procedure | @alice | 2026-02-13 | low | |",
  "| Lower the alert threshold | @bob | next week | high | TODO |",
];

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.close());

/** dave adds rows to the review's table on its branch, as people do in the pull request. */
async function addRows(sim: Simulator) {
  const dave = sim.as("dave");
  const { data } = await dave.rest.repos.getContent({ ...repo, path: PATH, ref: BRANCH });
  const file = data as { content: string; sha: string };
  const text = Buffer.from(file.content, "base64").toString("utf8");
  const table = "| Action | Owner | Due | Priority | Status |\n|---|---|---|---|---|\n";
  const start = text.indexOf(table);
  expect(start).toBeGreaterThan(0);
  const end = text.indexOf("\n\n", start);
  const edited = `${text.slice(0, end)}\n${ROWS.join("\n")}${text.slice(end)}`;
  await dave.rest.repos.createOrUpdateFileContents({
    ...repo,
    path: PATH,
    branch: BRANCH,
    message: "Action items from the review meeting",
    content: Buffer.from(edited).toString("base64"),
    sha: file.sha,
  });
  await sim.settle();
}

const named = (entry: RequestLogEntry) =>
  entry.graphql ?? `${entry.method} ${entry.path.replace("/repos/acme/svc", "")}`;

describe("the merged review's action items", () => {
  it("become items on the board once; the pull request hears about the malformed row once", async () => {
    const { sim, clock } = harness;
    const world = await actionItemsWorld(harness);
    clock.set(new Date("2026-02-03T14:30:00Z"));
    await say(sim, "bob", world.incident, "/ack");
    await say(sim, "bob", world.incident, "/action Add an alert @dave due:2026-02-06 priority:high");
    clock.set(new Date("2026-02-03T15:10:00Z"));
    await say(sim, "bob", world.incident, "/resolve fixed");
    const { data: pulls } = await sim.as("bob").rest.pulls.list({ ...repo, head: `acme:${BRANCH}` });
    const review = pulls[0]?.number ?? 0;
    expect(review).toBeGreaterThan(0);

    clock.set(new Date("2026-02-04T09:50:00Z"));
    await addRows(sim);
    clock.set(new Date("2026-02-04T10:30:00Z"));
    await sim.as("bob").rest.pulls.merge({ ...repo, pull_number: review });
    await sim.settle();

    const merge = sim.deliveries.find(
      (d) =>
        d.event === "pull_request" &&
        d.action === "closed" &&
        (d.payload.pull_request as { head: { ref: string } }).head.ref === BRANCH,
    );
    expect(
      sim
        .appRequests()
        .filter((entry) => entry.delivery === merge?.id)
        .map(named),
    ).toEqual([
      "PullRequestContext",
      "IncidentHistory",
      "POST /issues",
      "AddComment",
      "POST /issues",
      "AddComment",
      `POST /issues/${review}/comments`,
      "IncidentWrites",
    ]);
    const { data: items } = await sim
      .as("bob")
      .rest.issues.listForRepo({ ...repo, labels: "action-item", state: "all" });
    expect(items.map((issue) => [issue.title, issue.assignees?.map((a) => a.login)]).sort()).toEqual([
      ["Add a unit test for division by zero", ["dave"]],
      ["Add an alert", ["dave"]],
      ["Document the rollback procedure", ["alice"]],
    ]);
    const board = sim.projectBoard("acme", 1);
    expect(board.map((row) => row.values.Due).sort()).toEqual(["2026-02-05", "2026-02-06", "2026-02-13"]);
    const appComments = async () =>
      (await sim.as("bob").rest.issues.listComments({ ...repo, issue_number: review })).data.filter(
        (c) => c.user?.login === sim.botLogin,
      );
    const [comment, ...more] = await appComments();
    expect(more).toEqual([]);
    expect(comment?.body).toContain("- Row 4 “Lower the alert threshold”: Due “next week” is not a date");
    expect(comment?.body).toMatch(/Already tracked: row 1 \(#\d+\)\./);

    // Every webhook again, and the sweep twice at the same moment: nothing new anywhere.
    await world.sweep("2026-02-04T11:00:00Z");
    const before = await appWrites(sim);
    const seen = sim.appRequests().length;
    for (const delivery of [...sim.deliveries]) await sim.redeliver(delivery.id);
    const second = await world.sweep("2026-02-04T11:00:00Z");
    const third = await world.sweep("2026-02-04T11:00:00Z");
    expect([second.actions, third.actions]).toEqual([[], []]);
    expect(await appWrites(sim)).toEqual(before);
    expect(await appComments()).toHaveLength(1);
    const writes = sim
      .appRequests()
      .slice(seen)
      .filter(
        (e) =>
          e.method !== "GET" &&
          !/^(IncidentHistory|ActionItem|SweepRepository|PullRequestContext)$/.test(e.graphql ?? ""),
      );
    expect(writes.map(named)).toEqual([]);
    expect(sim.deliveries.filter((delivery) => delivery.status !== 200)).toEqual([]);
  });
});
