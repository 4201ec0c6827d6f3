import type { Simulator } from "@incident-app/github-simulator";
import type { IssueHistory } from "../../src/kernel/history.js";
import { trustedMarkers } from "../../src/kernel/markers.js";
import { malformedTableRows } from "../../test/support/markdown-tables.js";
import { checkChecklist } from "./check-checklist.js";
import { checkFollowUp } from "./check-follow-up.js";

/** What the demo left behind: the incident, its action items, the sweeps, the files the app committed. */
export interface DemoOutcome {
  history: IssueHistory;
  items: IssueHistory[];
  sim: Simulator;
  sweeps: Array<{ at: string; plan: string[] }>;
  files: Map<string, string>;
}

/** What an on-call engineer expects to see after the demo; each failure is one line. */
export function checkDemo(outcome: DemoOutcome): string[] {
  const { history, sim, files } = outcome;
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
  expect(
    timeline.includes("| IC engaged | 14:25 | 2m to engage an IC | ✅ met (target 30m) |"),
    "the timeline does not show the IC clock met (bob's /ack at 14:25 made him IC)",
  );
  const list = comments.find(
    (comment) => comment.author?.login === sim.botLogin && comment.body.includes("| Incident | Severity |"),
  );
  expect(
    !!list &&
      /open incidents?, most severe first/.test(list.body) &&
      list.body.includes(`| [INC-20260203-001](${issue.url}) `),
    "the /incidents reply does not list this incident",
  );
  problems.push(...checkCodeResponse(history, sim, files, markers("declaration")[0]?.body ?? "", timeline));
  problems.push(...checkFollowUp(outcome, timeline));
  problems.push(...checkTables(outcome));
  problems.push(...checkChecklist(history, sim.botLogin, timeline, files.get(PIR_FILE) ?? ""));
  const failed = sim.deliveries.filter((delivery) => delivery.status !== 200);
  expect(failed.length === 0, `${failed.length} webhook deliveries were not answered 200`);
  return problems;
}

/** Every table the app wrote (comments on the incident and its items, committed Markdown) keeps its columns on GitHub. */
function checkTables({ history, items, sim, files }: DemoOutcome): string[] {
  const bodies = [history, ...items].flatMap((issue) =>
    issue.items.flatMap((item) =>
      item.type === "comment" && item.author?.login === sim.botLogin ? [[item.url, item.body] as const] : [],
    ),
  );
  const markdown = [...files].filter(([path]) => path.endsWith(".md"));
  return [...bodies, ...markdown].flatMap(([where, body]) =>
    malformedTableRows(body).map((row) => `a table in ${where} breaks: ${row}`),
  );
}

const PIR_FILE = "pir/inc-20260203-001/docs/incidents/INC-20260203-001.md";
const PIR_HEADINGS = [
  "Incident Summary",
  "Impact",
  "Timeline (UTC)",
  "Response Times",
  "Code Changes",
  "Root Cause",
  "Contributing Factors",
  "Five Whys",
  "What Went Well",
  "What Could Be Improved",
  "Action Items",
  "Lessons Learned",
  "Prevention Measures",
];

/** Suspects, revert, hotfix, freeze and the review, as the demo should leave them. */
function checkCodeResponse(
  history: IssueHistory,
  sim: Simulator,
  files: Map<string, string>,
  declaration: string,
  timeline: string,
): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  expect(declaration.includes("PR [#1]("), "the declaration does not list the suspect PR #1");
  // Only when the past incidents were seeded (`npm run demo`; the e2e tests leave them out).
  const seeded = (sim.snapshot() as { repos: Array<{ name: string }> }).repos.some(
    (r) => r.name === "platform",
  );
  expect(
    !seeded ||
      /🔁 \*\*Recurrence:\*\*[\s\S]*\[acme\/platform#\d+\][\s\S]*still open: \[acme\/platform#\d+\]/.test(
        declaration,
      ),
    "the declaration names no earlier search incident in acme/platform with an open action item",
  );
  for (const row of [
    "Revert PR #4 (reverts #1) merged",
    "Hotfix PR #5 merged",
    "Post-incident review PR #6 merged",
  ]) {
    expect(timeline.includes(row), `the timeline lacks “${row}”`);
  }
  const state = sim.snapshot() as {
    repos: Array<{ name: string; git: { refs: Record<string, string> }; checkRuns: unknown[] }>;
  };
  const refs = Object.keys(
    state.repos.find((r) => r.name === history.repo.nameWithOwner.split("/")[1])?.git.refs ?? {},
  );
  expect(
    refs.filter((ref) => ref.startsWith("refs/heads/hotfix/")).length === 1,
    "not exactly one hotfix branch",
  );
  expect(
    refs.filter((ref) => ref.startsWith("refs/heads/revert-")).length === 1,
    "not exactly one revert branch",
  );
  const pir = files.get(PIR_FILE) ?? "";
  expect(pir !== "", `the app did not commit ${PIR_FILE}`);
  for (const heading of PIR_HEADINGS)
    expect(pir.includes(`\n## ${heading}\n`), `the review lacks “## ${heading}”`);
  expect(
    pir.includes("| **Duration** | 47m (14:23 – 15:10 UTC) |"),
    "the review does not show the 47m duration",
  );
  expect(
    pir.includes("(https://github.com/acme/search-service/pull/1)"),
    "the review does not link the suspect PR #1",
  );
  expect(
    pir.includes("[#4](https://github.com/acme/search-service/pull/4)"),
    "the review does not link the revert #4",
  );
  expect(
    pir.includes("[#5](https://github.com/acme/search-service/pull/5)"),
    "the review does not link the hotfix #5",
  );
  expect(
    pir.includes("| Action | Owner | Due | Priority | Status |"),
    "the review lacks the action items table",
  );
  return problems;
}
