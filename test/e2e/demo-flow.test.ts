import type { GitData, RequestLogEntry } from "@incident-app/github-simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDemo } from "../../scripts/demo/check-demo.js";
import { committedFiles } from "../../scripts/demo/committed-files.js";
import { readActionItems } from "../../scripts/demo/read-action-items.js";
import { type DemoResult, playDemo } from "../../scripts/demo/run-demo.js";
import { OWNER, REPO } from "../../scripts/demo/scenario.js";
import type { IssueHistory } from "../../src/kernel/history.js";
import { type Harness, startHarness } from "../support/harness.js";
import { readAsPerson } from "../support/transcript.js";

/** The demo's incident and its follow-up, end to end: what `npm run demo` checks, plus request counts. */
let harness: Harness;
let demo: DemoResult;
let history: IssueHistory;
let items: IssueHistory[];

beforeAll(async () => {
  harness = await startHarness();
  demo = await playDemo(harness);
  history = await readAsPerson(harness.sim.as("alice"), OWNER, REPO, demo.issue);
  items = await readActionItems(harness.sim, history);
}, 120_000);
afterAll(() => harness.close());

/** The app's requests for the delivery of the comment whose body starts with `text`. */
function requestsFor(text: string): RequestLogEntry[] {
  const { sim } = harness;
  const delivery = sim.deliveries.find(
    (d) =>
      d.event === "issue_comment" &&
      (d.payload.comment as { body?: string } | undefined)?.body?.startsWith(text),
  );
  return sim.appRequests().filter((entry) => entry.delivery === delivery?.id);
}

/** The requests of the webhook the app's creation of issue `number` caused (its board sync). */
function requestsForOpened(number: number): RequestLogEntry[] {
  const { sim } = harness;
  const delivery = sim.deliveries.find(
    (d) =>
      d.event === "issues" &&
      d.action === "opened" &&
      (d.payload.issue as { number: number }).number === number,
  );
  return sim.appRequests().filter((entry) => entry.delivery === delivery?.id);
}

const names = (entries: RequestLogEntry[]) =>
  entries.map((entry) => entry.graphql ?? `${entry.method} ${entry.path}`);

describe("the demo", () => {
  it("passes every check of npm run demo", () => {
    const state = harness.sim.snapshot() as { repos: Array<{ owner: string; name: string; git: GitData }> };
    const repo = state.repos.find((r) => r.owner === OWNER && r.name === REPO);
    const files = repo ? committedFiles(repo.git, harness.sim.botLogin) : new Map<string, string>();
    expect(checkDemo({ history, items, sim: harness.sim, sweeps: demo.sweeps, files })).toEqual([]);
  });

  it("/action: 5 requests on the incident, then 3 to put the new issue on the board", () => {
    expect(names(requestsFor("/action Add an alert"))).toEqual([
      "IncidentHistory",
      "AddReaction",
      "POST /repos/acme/search-service/issues",
      "AddComment",
      // The next round: the timeline, as a batch of one.
      "IncidentWrites",
    ]);
    // Numbered after the review's pull request (#6): the first item is #7.
    expect(names(requestsForOpened(7))).toEqual(["ActionItem", "AddProjectItem", "SetProjectFields"]);
  });

  it("the review merged: its two new rows become #8 and #9, listed once on the pull request", () => {
    const { sim } = harness;
    const merge = sim.deliveries.find(
      (d) =>
        d.event === "pull_request" &&
        d.action === "closed" &&
        (d.payload.pull_request as { head: { ref: string } }).head.ref.startsWith("pir/"),
    );
    expect(names(sim.appRequests().filter((entry) => entry.delivery === merge?.id))).toEqual([
      "PullRequestContext",
      "IncidentHistory",
      "POST /repos/acme/search-service/issues",
      "AddComment",
      "POST /repos/acme/search-service/issues",
      "AddComment",
      "POST /repos/acme/search-service/issues/6/comments",
      "IncidentWrites",
    ]);
    expect(names(requestsForOpened(8))).toEqual(["ActionItem", "AddProjectItem", "SetProjectFields"]);
    expect(items.map((item) => [item.issue.number, item.issue.title])).toEqual([
      [7, "Add an alert on the search zero-result rate"],
      [8, "Add a unit test for division by zero in search scoring"],
      [9, "Document the rollback procedure in the runbook"],
    ]);
  });

  it("/due on the item: read, 👀, body, board, and the incident's timeline", () => {
    expect(names(requestsFor("/due 2026-02-10"))).toEqual([
      "ActionItem",
      "AddReaction",
      "PATCH /repos/acme/search-service/issues/7",
      "SetProjectFields",
      "IncidentHistory",
      "IncidentWrites",
    ]);
  });

  it("sweeps post once per window: the repeated sweep found nothing", () => {
    const repeated = demo.sweeps.filter(
      (sweep, index) => index > 0 && sweep.at === demo.sweeps[index - 1]?.at,
    );
    expect(repeated).toEqual([{ at: "2026-02-04T09:00:00.000Z", plan: [] }]);
    // 14:29 nothing (acknowledged at 14:25); 14:49 level 2; 15:04 level 3 and the update nudge;
    // 02-04 09:00 the review and the `/action` item due soon; 10:35 the review's unit-test item
    // due soon; then one item a day; 02-09 nothing (review merged).
    expect(demo.sweeps.map((sweep) => sweep.plan.length)).toEqual([0, 1, 2, 2, 0, 1, 1, 1, 1, 0]);
  });
});
