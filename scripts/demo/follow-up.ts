import type { Simulator } from "../../test/simulator/index.js";
import { findPull, mergePull, OWNER, REPO, updateFile } from "./code-actions.js";
import type { Step } from "./scenario.js";
import { comment, sweep } from "./step-helpers.js";

/**
 * After the incident: three action items (their issues are numbered after the
 * review's pull request), the review written, refreshed (its table lists them) and
 * merged the next morning, then the days that follow, with the sweep at 09:00 UTC
 * each morning reminding owners; the merged review ends its reminders.
 */
export const ITEM_TITLES = {
  alert: "Add an alert on the search zero-result rate",
  test: "Add a unit test for division by zero in search scoring",
  runbook: "Document the rollback procedure in the runbook",
};

async function itemNumber(sim: Simulator, title: string): Promise<number> {
  const { data } = await sim.as("bob").rest.issues.listForRepo({
    owner: OWNER,
    repo: REPO,
    state: "all",
    labels: "action-item",
    per_page: 100,
  });
  const found = data.find((issue) => issue.title === title);
  if (!found) throw new Error(`demo: no action item “${title}”`);
  return found.number;
}

const onItem = (who: string, title: string, body: string) => async (sim: Simulator) =>
  sim.as(who).rest.issues.createComment({
    owner: OWNER,
    repo: REPO,
    issue_number: await itemNumber(sim, title),
    body,
  });

const closeItem = (who: string, title: string) => async (sim: Simulator) =>
  sim.as(who).rest.issues.update({
    owner: OWNER,
    repo: REPO,
    issue_number: await itemNumber(sim, title),
    state: "closed",
    state_reason: "completed",
  });

export const FOLLOW_UP: Step[] = [
  {
    at: "15:15",
    who: "bob",
    what: "records a follow-up",
    run: comment("bob", `/action ${ITEM_TITLES.alert} @dave due:+3d priority:high`),
  },
  {
    at: "15:20",
    who: "bob",
    what: "records two more follow-ups",
    run: comment(
      "bob",
      `/action ${ITEM_TITLES.test} @dave due:2026-02-05 priority:medium\n/action ${ITEM_TITLES.runbook} @carol due:2026-02-13 priority:low`,
    ),
  },
  { at: "02-04 09:00", who: "sweep", what: "two items and the review are due within two days", run: sweep },
  { at: "02-04 09:00", who: "sweep", what: "the same moment again: nothing new", run: sweep },
  {
    at: "02-04 09:30",
    who: "dave",
    what: "writes the root cause into the review",
    run: async (sim) => {
      const path = "docs/incidents/INC-20260203-001.md";
      const { data } = await sim
        .as("dave")
        .rest.repos.getContent({ owner: OWNER, repo: REPO, path, ref: "pir/inc-20260203-001" });
      const text = Buffer.from((data as { content: string }).content, "base64").toString("utf8");
      const rootCause = text.replace(
        "**Technical:**\n",
        "**Technical:**\n\n- `src/search/scoring.ts` divided by the number of matches without a guard; queries with no exact match scored `NaN` and were dropped.\n",
      );
      return updateFile(sim, "dave", "pir/inc-20260203-001", path, rootCause, "Root cause");
    },
  },
  {
    at: "02-04 09:40",
    who: "bob",
    what: "refreshes the review from the incident",
    run: comment("bob", "/pir"),
  },
  {
    at: "02-04 10:30",
    who: "bob",
    what: "merges the review after the meeting",
    run: async (sim) => mergePull(sim, "bob", await findPull(sim, "pir/")),
  },
  {
    at: "02-05 09:00",
    who: "sweep",
    what: "one item is due today; the merged review owes nothing",
    run: sweep,
  },
  {
    at: "02-05 10:00",
    who: "dave",
    what: "moves the alert's due date",
    run: onItem("dave", ITEM_TITLES.alert, "/due 2026-02-10\nThe alerting stack migration lands on Monday."),
  },
  { at: "02-06 09:00", who: "sweep", what: "one item is overdue", run: sweep },
  {
    at: "02-06 16:00",
    who: "dave",
    what: "closes the unit-test item",
    run: closeItem("dave", ITEM_TITLES.test),
  },
  { at: "02-08 09:00", who: "sweep", what: "the moved alert item is due soon again", run: sweep },
  {
    at: "02-09 09:00",
    who: "sweep",
    what: "nothing new is due",
    run: sweep,
  },
  {
    at: "02-10 11:00",
    who: "dave",
    what: "closes the alert item",
    run: closeItem("dave", ITEM_TITLES.alert),
  },
  {
    at: "02-10 12:00",
    who: "carol",
    what: "closes the runbook item",
    run: closeItem("carol", ITEM_TITLES.runbook),
  },
];
