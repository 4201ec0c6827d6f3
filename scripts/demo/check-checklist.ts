import type { IssueHistory } from "../../src/kernel/history.js";
import { trustedMarkers } from "../../src/kernel/markers.js";

/** The checklist in the demo: one comment, four ticks on the timeline with who, the review lists the rest. */
export function checkChecklist(
  history: IssueHistory,
  botLogin: string,
  timeline: string,
  pir: string,
): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const checklists = history.items.filter(
    (item) =>
      item.type === "comment" && trustedMarkers(item, botLogin).some((marker) => marker.kind === "checklist"),
  );
  expect(checklists.length === 1, `expected one checklist comment, found ${checklists.length}`);
  expect(/ · Checklist 4\/\d+/.test(timeline), "the timeline header does not show “Checklist 4/…”");
  for (const [time, phase, who] of [
    ["14:25", "Triage", "bob"],
    ["14:30", "Investigation", "dave"],
    ["14:41", "Verification", "dave"],
    ["15:06", "Verification", "carol"],
  ])
    expect(
      new RegExp(`\\| ${time} \\| Checklist \\(${phase}\\) ticked: .*\\| @${who} \\|`).test(timeline),
      `the timeline lacks ${who}'s ${phase} tick at ${time}`,
    );
  expect(
    /\n## Checklist\n(<!--[^\n]*-->\n)?4 of \d+ checklist items were ticked/.test(pir),
    "the review has no checklist tally",
  );
  expect(
    pir.includes("- [ ] **Verification:** Run smoke tests on the affected functionality"),
    "the review does not list the unticked smoke tests",
  );
  // The seeded past incidents (npm run demo) hold a recurrence: the review names it.
  expect(
    !/Recurrence/.test(declarationOf(history, botLogin)) ||
      /\n## Related Incidents\n[\s\S]*acme\/platform#\d+/.test(pir),
    "the review does not list the recurrence named on declaration",
  );
  return problems;
}

function declarationOf(history: IssueHistory, botLogin: string): string {
  const found = history.items.find(
    (item) =>
      item.type === "comment" &&
      trustedMarkers(item, botLogin).some((marker) => marker.kind === "declaration"),
  );
  return found?.type === "comment" ? found.body : "";
}
