import type { Simulator } from "@incident-app/github-simulator";
import { findPull, mergePull, OWNER, REPO, updateFile } from "./code-actions.js";
import type { Step } from "./scenario.js";
import { comment, sweep } from "./step-helpers.js";

/**
 * After the incident: one action item recorded with `/action` (its issue is numbered
 * after the review's pull request), the review written, refreshed (its table lists
 * the item), two more follow-ups written into its action-items table at the review
 * meeting, and the review merged: those rows become action items too. Then the days
 * that follow, with the sweep at 09:00 UTC each morning reminding owners; the merged
 * review ends its reminders.
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

/** Rows people write into the review's action-items table before it is merged. */
export const REVIEW_ROWS = [
  `| ${ITEM_TITLES.test} | @dave | 2026-02-05 | medium | TODO |`,
  `| ${ITEM_TITLES.runbook} | @carol | 2026-02-13 | low | TODO |`,
];

const REVIEW_PATH = "docs/incidents/INC-20260203-001.md";
const REVIEW_BRANCH = "pir/inc-20260203-001";

/** Edits the review file on its branch, as someone does in the pull request. */
async function editReview(sim: Simulator, who: string, message: string, edit: (text: string) => string) {
  const { data } = await sim
    .as(who)
    .rest.repos.getContent({ owner: OWNER, repo: REPO, path: REVIEW_PATH, ref: REVIEW_BRANCH });
  const text = Buffer.from((data as { content: string }).content, "base64").toString("utf8");
  return updateFile(sim, who, REVIEW_BRANCH, REVIEW_PATH, edit(text), message);
}

/** The rows appended to the review's action-items table (after the rows already there). */
const addRows = (rows: readonly string[]) => (text: string) =>
  text.replace(
    /(\| Action \| Owner \| Due \| Priority \| Status \|\n\|[-|]+\|\n(?:\|.*\n)*)/,
    (table) => `${table}${rows.join("\n")}\n`,
  );

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
  { at: "02-04 09:00", who: "sweep", what: "the item and the review are due within two days", run: sweep },
  { at: "02-04 09:00", who: "sweep", what: "the same moment again: nothing new", run: sweep },
  {
    at: "02-04 09:30",
    who: "dave",
    what: "writes the root cause into the review",
    run: (sim) =>
      editReview(sim, "dave", "Root cause", (text) =>
        text.replace(
          "**Technical:**\n",
          "**Technical:**\n\n- `src/search/scoring.ts` divided by the number of matches without a guard; queries with no exact match scored `NaN` and were dropped.\n",
        ),
      ),
  },
  {
    at: "02-04 09:40",
    who: "bob",
    what: "refreshes the review from the incident",
    run: comment("bob", "/pir"),
  },
  {
    at: "02-04 10:20",
    who: "dave",
    what: "adds two follow-ups from the review meeting to the review's action items",
    run: (sim) => editReview(sim, "dave", "Action items from the review meeting", addRows(REVIEW_ROWS)),
  },
  {
    at: "02-04 10:30",
    who: "bob",
    what: "merges the review: its two new rows become action items",
    run: async (sim) => mergePull(sim, "bob", await findPull(sim, "pir/")),
  },
  { at: "02-04 10:35", who: "sweep", what: "the new unit-test item is due tomorrow", run: sweep },
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
