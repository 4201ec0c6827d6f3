import { comment, OWNER, REPO, type Step, type StepContext, sweep } from "./scenario.js";

/**
 * After the incident: two more action items (until the PIR is written as a pull
 * request, `/action` stands in for its table), then the days that follow, with the
 * sweep at 09:00 UTC each morning reminding owners and the incident commander.
 */
export const ITEM_TITLES = {
  alert: "Add an alert on the search zero-result rate",
  test: "Add a unit test for division by zero in search scoring",
  runbook: "Document the rollback procedure in the runbook",
};

async function itemNumber(ctx: StepContext, title: string): Promise<number> {
  const { data } = await ctx.sim.as("bob").rest.issues.listForRepo({
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

const onItem = (who: string, title: string, body: string) => async (ctx: StepContext) =>
  ctx.sim.as(who).rest.issues.createComment({
    owner: OWNER,
    repo: REPO,
    issue_number: await itemNumber(ctx, title),
    body,
  });

const closeItem = (who: string, title: string) => async (ctx: StepContext) =>
  ctx.sim.as(who).rest.issues.update({
    owner: OWNER,
    repo: REPO,
    issue_number: await itemNumber(ctx, title),
    state: "closed",
    state_reason: "completed",
  });

export const FOLLOW_UP: Step[] = [
  {
    at: "15:20",
    who: "bob",
    what: "records two more follow-ups (stand-ins for the PIR table)",
    run: comment(
      "bob",
      `/action ${ITEM_TITLES.test} @dave due:2026-02-05 priority:medium\n/action ${ITEM_TITLES.runbook} @carol due:2026-02-13 priority:low`,
    ),
  },
  { at: "02-04 09:00", who: "sweep", what: "two items are due within two days", run: sweep },
  { at: "02-04 09:00", who: "sweep", what: "the same moment again: nothing new", run: sweep },
  { at: "02-05 09:00", who: "sweep", what: "one item is due today; the PIR is due within a day", run: sweep },
  {
    at: "02-05 10:00",
    who: "dave",
    what: "moves the alert's due date",
    run: onItem("dave", ITEM_TITLES.alert, "/due 2026-02-10\nThe alerting stack migration lands on Monday."),
  },
  { at: "02-06 09:00", who: "sweep", what: "one item and the PIR are overdue", run: sweep },
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
    what: "the PIR is still not merged: the next overdue reminder",
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
