import { parseActionItemBody } from "../../src/domain/action-item-body.js";
import type { HistoryComment, IssueHistory } from "../../src/domain/history.js";
import { trustedMarkers } from "../../src/domain/markers.js";
import type { Simulator } from "../../test/simulator/index.js";
import { ITEM_TITLES } from "./follow-up.js";
import { OWNER, PROJECT_NUMBER } from "./scenario.js";

/** What an on-call engineer expects to see after the demo; each failure is one line. */
export interface DemoOutcome {
  history: IssueHistory;
  items: IssueHistory[];
  sim: Simulator;
  sweeps: Array<{ at: string; plan: string[] }>;
}

function keysOf(history: IssueHistory, botLogin: string): string[] {
  return history.items
    .filter((item): item is HistoryComment => item.type === "comment")
    .flatMap((comment) => trustedMarkers(comment, botLogin))
    .filter((marker) => ["reminder", "escalation"].includes(marker.kind))
    .map((marker) => marker.fields.key ?? "");
}

export function checkDemo({ history, items, sim, sweeps }: DemoOutcome): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const { issue } = history;
  const comments = history.items.flatMap((item) => (item.type === "comment" ? [item] : []));
  const markers = (kind: string) =>
    comments.filter((comment) =>
      trustedMarkers(comment, sim.botLogin).some((marker) => marker.kind === kind),
    );
  expect(
    /^\[INC-20260203-001\] /.test(issue.title),
    `title has no [INC-20260203-001] prefix: ${issue.title}`,
  );
  for (const label of ["incident", "SEV-2", "status: resolved"]) {
    expect(issue.labels.includes(label), `label ${label} missing (have ${issue.labels.join(", ")})`);
  }
  expect(issue.labels.filter((label) => /^SEV-/.test(label)).length === 1, "not exactly one severity label");
  expect(
    issue.labels.filter((label) => label.startsWith("status: ")).length === 1,
    "not exactly one status label",
  );
  expect(issue.state === "CLOSED", "the incident is not closed after /resolve");
  expect(
    markers("declaration").length === 1,
    `expected one declaration message, found ${markers("declaration").length}`,
  );
  const timelines = markers("timeline");
  expect(timelines.length === 1, `expected exactly one timeline comment, found ${timelines.length}`);
  const timeline = timelines[0]?.body ?? "";
  expect(
    /Severity SEV-2 → \*\*SEV-1\*\* \(label added by hand\) \| @bob/.test(timeline),
    "timeline lacks bob's SEV-1",
  );
  expect(
    /Severity SEV-1 → \*\*SEV-2\*\* \(label added by hand\) \| @carol/.test(timeline),
    "timeline lacks carol's SEV-2",
  );
  expect(timeline.includes("47m to resolve"), "timeline does not show 47m to resolve");
  const failed = sim.deliveries.filter((delivery) => delivery.status !== 200);
  expect(failed.length === 0, `${failed.length} webhook deliveries were not answered 200`);

  // The sweep: each level of the escalation policy once, the update nudge, PIR reminders.
  const incidentKeys = keysOf(history, sim.botLogin);
  for (const key of ["escalation:1", "escalation:2", "escalation:3"])
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
    incidentKeys.filter((k) => k.startsWith("pir:overdue:")).length === 2,
    "expected two PIR overdue reminders, 3 days apart",
  );
  expect(
    new Set(incidentKeys).size === incidentKeys.length,
    `a reminder was posted twice: ${incidentKeys.join(", ")}`,
  );
  expect(
    timeline.includes("Escalated automatically (level 1) to @dave"),
    "timeline lacks the automatic escalation",
  );
  const repeat = sweeps.filter((sweep, index) => index > 0 && sweep.at === sweeps[index - 1]?.at);
  expect(
    repeat.length > 0 && repeat.every((sweep) => sweep.plan.length === 0),
    "a second sweep at the same moment posted something",
  );

  // Action items: three issues, on the board, reminded once per window, all done in the end.
  expect(items.length === 3, `expected 3 action items, found ${items.length}`);
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
