import { parseActionItemBody } from "../../src/kernel/action-item-body.js";
import type { HistoryComment, IssueHistory } from "../../src/kernel/history.js";
import { trustedMarkers } from "../../src/kernel/markers.js";
import type { DemoOutcome } from "./check-demo.js";
import { ITEM_TITLES } from "./follow-up.js";
import { reviewComments } from "./review-comments.js";
import { OWNER, PROJECT_NUMBER } from "./scenario.js";

function keysOf(history: IssueHistory, botLogin: string): string[] {
  return history.items
    .filter((item): item is HistoryComment => item.type === "comment")
    .flatMap((comment) => trustedMarkers(comment, botLogin))
    .filter((marker) => ["reminder", "escalation"].includes(marker.kind))
    .map((marker) => marker.fields.key ?? "");
}

/** The sweep's reminders and escalations, and the action items on the board; each failure is one line. */
export function checkFollowUp({ history, items, sim, sweeps }: DemoOutcome, timeline: string): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  // The sweep: bob acknowledged within 2 minutes, so level 1 (unacknowledged after 5m) never
  // pages; the later levels once each; the update nudge; the review's due-soon reminder, and
  // none after the review was merged on time.
  const incidentKeys = keysOf(history, sim.botLogin);
  expect(!incidentKeys.includes("escalation:1"), "paged the secondary although bob acknowledged in time");
  for (const key of ["escalation:2", "escalation:3"])
    expect(
      incidentKeys.filter((k) => k === key).length === 1,
      `expected ${key} once, found ${incidentKeys.filter((k) => k === key).length}`,
    );
  expect(
    incidentKeys.some((k) => k.startsWith("update:")),
    "no update-cadence nudge on the incident",
  );
  expect(
    incidentKeys.some((k) => k.startsWith("pir:soon:")),
    "no PIR due-soon reminder",
  );
  expect(
    incidentKeys.filter((k) => k.startsWith("pir:")).length === 1,
    `expected only the review's due-soon reminder (merged in time), found ${incidentKeys.filter((k) => k.startsWith("pir:")).join(", ")}`,
  );
  expect(
    new Set(incidentKeys).size === incidentKeys.length,
    `a reminder was posted twice: ${incidentKeys.join(", ")}`,
  );
  expect(
    timeline.includes("Escalated automatically (level 2) to @acme/eng-managers"),
    "timeline lacks the automatic escalation",
  );
  const repeat = sweeps.filter((sweep, index) => index > 0 && sweep.at === sweeps[index - 1]?.at);
  expect(
    repeat.length > 0 && repeat.every((sweep) => sweep.plan.length === 0),
    "a second sweep at the same moment posted something",
  );

  // Action items: three issues (one from `/action`, two from the merged review's table), on the
  // board, reminded once per window, all done in the end.
  expect(items.length === 3, `expected 3 action items, found ${items.length}`);
  const keys = items.map((item) => parseActionItemBody(item.issue.body).meta?.key ?? "");
  expect(
    keys.filter((key) => key.startsWith("c")).length === 1 &&
      keys.filter((key) => key.startsWith("pir")).length === 2,
    `expected one item from /action and two from the review's table, found keys ${keys.join(", ")}`,
  );
  const fromReview = history.items.filter(
    (item) => item.type === "comment" && item.body.includes("from the merged review"),
  );
  expect(
    fromReview.length === 2,
    `expected 2 notes of items from the merged review, found ${fromReview.length}`,
  );
  problems.push(...checkReviewComment(sim, items));
  expect(timeline.includes("✅ All 3 action items done."), "timeline does not say all action items are done");
  const board = sim.projectBoard(OWNER, PROJECT_NUMBER);
  for (const item of items) {
    const fields = parseActionItemBody(item.issue.body).fields;
    const row = board.find((entry) => entry.issue === item.issue.number);
    const name = `action item #${item.issue.number}`;
    expect(item.issue.labels.includes("action-item"), `${name} lacks the action-item label`);
    expect(item.issue.labels.includes(`priority: ${fields.priority}`), `${name} lacks its priority label`);
    expect(
      fields.owner !== null && item.issue.assignees.includes(fields.owner),
      `${name} is not assigned to its owner`,
    );
    expect(row?.values.Due === fields.due, `${name}: board Due ${row?.values.Due} ≠ body ${fields.due}`);
    expect(row?.values.Status === "Done", `${name}: board Status is ${row?.values.Status}, not Done`);
    const keys = keysOf(item, sim.botLogin);
    expect(new Set(keys).size === keys.length, `${name} got a reminder twice: ${keys.join(", ")}`);
  }
  const byTitle = (title: string) => items.find((item) => item.issue.title === title);
  const alert = byTitle(ITEM_TITLES.alert);
  const test = byTitle(ITEM_TITLES.test);
  expect(
    parseActionItemBody(alert?.issue.body ?? "").fields.due === "2026-02-10",
    "/due did not move the alert item to 2026-02-10",
  );
  const testKeys = test ? keysOf(test, sim.botLogin) : [];
  for (const key of ["item:soon:2026-02-05", "item:today:2026-02-05", "item:overdue:2026-02-05:0"])
    expect(testKeys.includes(key), `the unit-test item lacks its ${key} reminder`);
  return problems;
}

/** The merged review's pull request: one comment by the app, naming the two issues its rows became. */
function checkReviewComment(sim: DemoOutcome["sim"], items: IssueHistory[]): string[] {
  const review = reviewComments(sim);
  const ours = (review?.comments ?? []).filter((c) => c.author === sim.botLogin);
  if (ours.length !== 1) return [`expected one app comment on the review pull request, found ${ours.length}`];
  const body = ours[0]?.body ?? "";
  const fromRows = items.filter((item) =>
    parseActionItemBody(item.issue.body).meta?.key.startsWith(`pir${review?.pull}-`),
  );
  return fromRows
    .filter((item) => !body.includes(`→ #${item.issue.number} ·`))
    .map((item) => `the review pull request's comment does not name #${item.issue.number}`);
}
