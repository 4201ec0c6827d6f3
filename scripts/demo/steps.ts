import { deploy, findPull, mergePull, openPull, updateFile } from "./code-actions.js";
import { SCORING_FIXED, SCORING_PATH } from "./code-fixtures.js";
import type { Step } from "./scenario.js";
import { comment, edit, label, sweep, tick } from "./step-helpers.js";
import { sayInSlack, slashFromSlack } from "./war-room-demo.js";

/**
 * The incident, step by step: people's comments, labels and code, at the plan's
 * times, with the sweep run at 14:29 (acknowledged in time: nobody is paged), 14:49
 * (no update for 15 minutes) and 15:04 (unresolved after 30 minutes, update overdue).
 * The follow-up (action items, the review, reminders) is in follow-up.ts.
 */
export const STEPS: Step[] = [
  { at: "14:24", who: "bob", what: "adds SEV-1 by hand", run: label("bob", "SEV-1") },
  {
    at: "14:25",
    who: "bob",
    what: "acknowledges from Slack (/incident ack in #inc-20260203-001)",
    run: slashFromSlack("bob", "ack", comment("bob", "/ack")),
  },
  {
    at: "14:25",
    who: "bob",
    what: "ticks the checklist: not a false positive",
    run: tick("bob", "Confirm the alert is not a false positive"),
  },
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
    what: "acknowledged within 2 minutes: nobody is paged",
    run: sweep,
  },
  {
    at: "14:29",
    who: "bob",
    what: "freezes merges while the team works out the rollback",
    run: comment("bob", "Freezing merges to main until the rollback is verified.\n\n/freeze on"),
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
  {
    at: "14:30",
    who: "dave",
    what: "ticks the checklist: recent deployments reviewed",
    run: tick("dave", "Review recent deployments"),
  },
  {
    at: "14:31",
    who: "carol",
    what: "first public update on the status page",
    run: comment(
      "carol",
      "/status public investigating Some searches for food assistance services return no results. We are investigating.",
    ),
  },
  { at: "14:31", who: "carol", what: "a typo'd command", run: comment("carol", "/stauts mitigating") },
  {
    at: "14:33",
    who: "carol",
    what: "first status update, typed in the incident's Slack channel",
    run: sayInSlack(
      "carol",
      "Posting the first update now.\n!update Root cause identified: deploy #123 broke search scoring. Rolling back now.",
      comment("carol", "/update Root cause identified: deploy #123 broke search scoring. Rolling back now."),
    ),
  },
  {
    at: "14:34",
    who: "carol",
    what: "public update: cause identified",
    run: comment(
      "carol",
      "/status public identified We found the cause, a recent change to search, and are rolling it back.",
    ),
  },
  {
    at: "14:35",
    who: "dave",
    what: "rollback initiated: reverts the scoring change",
    run: comment("dave", "/status mitigating Rollback initiated\n/revert #1"),
  },
  {
    at: "14:36",
    who: "dave",
    what: "a note",
    run: comment("dave", "/note Rolling back to the previous deployment"),
  },
  {
    at: "14:37",
    who: "dave",
    what: "merges the revert",
    run: async (sim) => mergePull(sim, "dave", await findPull(sim, "revert-1-")),
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
    at: "14:39",
    who: "dave",
    what: "deploys the revert to production",
    run: (sim) => deploy(sim, "dave", "Deploy #124 (revert)"),
  },
  {
    at: "14:40",
    who: "dave",
    what: "service restored",
    run: comment("dave", "/mitigated Service restored, error rate back under 1%"),
  },
  {
    at: "14:41",
    who: "dave",
    what: "ticks the checklist: metrics back to baseline",
    run: tick("dave", "Verify metrics returned to baseline"),
  },
  { at: "14:41", who: "dave", what: "branches a proper fix", run: comment("dave", "/hotfix") },
  {
    at: "14:44",
    who: "dave",
    what: "pushes the fix and opens the hotfix pull request",
    run: async (sim) => {
      await updateFile(
        sim,
        "dave",
        "hotfix/inc-20260203-001",
        SCORING_PATH,
        SCORING_FIXED,
        "Guard against zero matches in search scoring",
      );
      return openPull(
        sim,
        "dave",
        "hotfix/inc-20260203-001",
        "Guard search scoring against zero matches",
        "Restores the scoring boost with a guard for empty result sets.",
      );
    },
  },
  { at: "14:45", who: "carol", what: "drafts customer comms", run: comment("carol", "/comms draft") },
  {
    at: "14:52",
    who: "bob",
    what: "merges the hotfix",
    run: async (sim) => mergePull(sim, "bob", await findPull(sim, "hotfix/")),
  },
  {
    at: "14:53",
    who: "dave",
    what: "deploys the hotfix to production",
    run: (sim) => deploy(sim, "dave", "Deploy #125 (hotfix)"),
  },
  {
    at: "14:49",
    who: "sweep",
    what: "no update for 15 minutes: escalates to the engineering managers",
    run: sweep,
  },
  { at: "14:55", who: "alice", what: "asks for help", run: comment("alice", "/help") },
  { at: "14:56", who: "bob", what: "asks for the last 90 days' metrics", run: comment("bob", "/metrics") },
  { at: "14:57", who: "bob", what: "asks which incidents are open", run: comment("bob", "/incidents") },
  { at: "15:04", who: "sweep", what: "unresolved after 30 minutes, and the update is overdue", run: sweep },
  {
    at: "15:05",
    who: "carol",
    what: "second status update",
    run: comment("carol", "/update Service restored at 14:40; monitoring error rates before closing."),
  },
  {
    at: "15:06",
    who: "carol",
    what: "ticks the checklist: no new alerts",
    run: tick("carol", "No new alerts triggered"),
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
  {
    at: "15:12",
    who: "carol",
    what: "public update: resolved",
    run: comment(
      "carol",
      "/status public resolved Search is working normally again since 14:40. We apologize for the inconvenience.",
    ),
  },
];
