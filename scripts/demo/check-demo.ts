import type { IssueHistory } from "../../src/domain/history.js";
import { trustedMarkers } from "../../src/domain/markers.js";
import type { Simulator } from "../../test/simulator/index.js";

/** What an on-call engineer expects to see after the demo; each failure is one line. */
export function checkDemo(history: IssueHistory, sim: Simulator): string[] {
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
  return problems;
}
