import { comment, OWNER, REPO, type Step, type StepContext, sweep } from "./scenario.js";

/**
 * The incident as seed plan 000 tells it, minute by minute, with the sweep run at
 * 14:29 (nobody has acknowledged), 14:49 (no update for 15 minutes) and 15:04
 * (unresolved after 30 minutes, and an update overdue).
 */
const label =
  (who: string, name: string) =>
  ({ sim, issue }: StepContext) =>
    sim.as(who).rest.issues.addLabels({ owner: OWNER, repo: REPO, issue_number: issue, labels: [name] });
/** Edits the most recent comment by `who` that contains `match`. */
const edit =
  (who: string, match: string, body: string) =>
  async ({ sim, issue }: StepContext) => {
    const person = sim.as(who);
    const { data } = await person.rest.issues.listComments({
      owner: OWNER,
      repo: REPO,
      issue_number: issue,
      per_page: 100,
    });
    const target = data.filter((c) => c.user?.login === who && c.body?.includes(match)).at(-1);
    if (!target) throw new Error(`demo: no comment by ${who} containing “${match}”`);
    return person.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: target.id, body });
  };

export const STEPS: Step[] = [
  { at: "14:24", who: "bob", what: "adds SEV-1 by hand", run: label("bob", "SEV-1") },
  {
    at: "14:26",
    who: "carol",
    what: "adds SEV-2 back by hand",
    run: label("carol", "SEV-2"),
  },
  {
    at: "14:27",
    who: "mallory",
    what: "an outsider tries to raise severity",
    run: comment("mallory", "/severity SEV-1 this is huge"),
  },
  { at: "14:28", who: "bob", what: "assigns roles", run: comment("bob", "/lead @dave\n/comms @carol") },
  {
    at: "14:29",
    who: "sweep",
    what: "nobody has acknowledged for 6 minutes: pages the secondary",
    run: sweep,
  },
  {
    at: "14:30",
    who: "bob",
    what: "acknowledges after the page",
    run: comment("bob", "/ack Paged by the escalation; I am IC"),
  },
  {
    at: "14:30",
    who: "dave",
    what: "root cause identified, and the deploy entered as a back-dated note",
    run: comment(
      "dave",
      "Error rate spiked 10 minutes after the deploy.\n\n/status identified Recent deployment introduced a bug in search scoring\n/note at 14:15 Deploy #123 completed",
    ),
  },
  { at: "14:31", who: "carol", what: "a typo'd command", run: comment("carol", "/stauts mitigating") },
  {
    at: "14:33",
    who: "carol",
    what: "first status update",
    run: comment(
      "carol",
      "/update Root cause identified: deploy #123 broke search scoring. Rolling back now.",
    ),
  },
  {
    at: "14:35",
    who: "dave",
    what: "rollback initiated",
    run: comment("dave", "/status mitigating Rollback initiated"),
  },
  {
    at: "14:36",
    who: "dave",
    what: "a note",
    run: comment("dave", "/note Rolling back to the previous deployment"),
  },
  {
    at: "14:38",
    who: "dave",
    what: "edits the note",
    run: edit(
      "dave",
      "Rolling back to the previous",
      "/note Rolling back to deployment #122 (last known good)",
    ),
  },
  {
    at: "14:40",
    who: "dave",
    what: "service restored",
    run: comment("dave", "/mitigated Service restored, error rate back under 1%"),
  },
  {
    at: "14:42",
    who: "bob",
    what: "records a follow-up",
    run: comment("bob", "/action Add an alert on the search zero-result rate @dave due:+3d priority:high"),
  },
  { at: "14:45", who: "carol", what: "drafts customer comms", run: comment("carol", "/comms draft") },
  {
    at: "14:49",
    who: "sweep",
    what: "no update for 15 minutes: escalates to the engineering managers",
    run: sweep,
  },
  { at: "14:55", who: "alice", what: "asks for help", run: comment("alice", "/help") },
  { at: "15:04", who: "sweep", what: "unresolved after 30 minutes, and the update is overdue", run: sweep },
  {
    at: "15:05",
    who: "carol",
    what: "second status update",
    run: comment("carol", "/update Service restored at 14:40; monitoring error rates before closing."),
  },
  {
    at: "15:10",
    who: "bob",
    what: "verification complete, resolves",
    run: comment(
      "bob",
      "/resolve Verification complete: rolled back deploy #123 (division by zero in search scoring)",
    ),
  },
];
