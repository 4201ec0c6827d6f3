import type { Simulator } from "../../test/simulator/index.js";
import { deploy, findPull, mergePull, OWNER, openPull, pushFile, REPO, updateFile } from "./code-actions.js";

/**
 * The demo incident: the example of seed plan 000 (search returns no results for
 * food bank queries, 2026-02-03), played by people through the simulator's API at
 * the plan's times: the change that caused it (merged and deployed at 14:15), the
 * incident, its rollback by `/revert`, a `/hotfix`, the merge freeze on an unrelated
 * pull request, and the post-incident review pull request.
 */
export { OWNER, REPO };

export const PEOPLE = {
  alice: "alice", // on-call engineer who files the form
  bob: "bob", // incident commander
  carol: "carol", // comms
  dave: "dave", // tech lead, author of the change that broke search
  erin: "erin", // search team; opens an unrelated pull request
  mallory: "mallory", // not a member: an outsider
};

export const SCORING_PATH = "src/search/scoring.ts";
const SCORING = `export function score(matches: number, total: number): number {
  if (total === 0) return 0;
  return matches / total;
}
`;
const SCORING_BOOSTED = `export function score(matches: number, total: number, boost = 1.2): number {
  return (matches / total) * boost;
}
`;
const SCORING_FIXED = `export function score(matches: number, total: number, boost = 1.2): number {
  if (total === 0) return 0;
  return (matches / total) * boost;
}
`;
const CODEOWNERS = `# Search is owned by the search team.
/src/search/ @dave @erin
`;

export const CONFIG_YAML = `# Demo configuration: the plan defaults plus on-call, a runbook and an escalation policy.
onCall:
  primary: [alice]
  secondary: [dave]
services:
  search:
    paths: ["src/search/**"]
    runbook: https://github.com/acme/search-service/blob/main/docs/runbooks/high-error-rate.md
escalation:
  - after: 5m
    when: unacknowledged
    notify: [secondary]
  - after: 15m
    when: no-update
    notify: ["@acme/eng-managers"]
`;

export const FORM = {
  title: "Search returning no results for food bank queries",
  body: `### Severity

SEV-2

### What is broken / user impact

Search returns no results for food bank queries; a subset of users cannot find food assistance services.

### Affected services

search

### When it started

2026-02-03 14:23

### How it was detected

Automated alert

### Links

https://careconnect.ing/admin/observability

### Security

- [ ] This is a security incident (data exposure, unauthorised access)`,
};

export function seedDemoRepo(sim: Simulator): void {
  sim.createOrg(OWNER, [PEOPLE.alice, PEOPLE.bob, PEOPLE.carol, PEOPLE.dave, PEOPLE.erin]);
  sim.createUser(PEOPLE.mallory);
  sim.createRepo({
    owner: OWNER,
    name: REPO,
    files: {
      ".github/incident.yml": CONFIG_YAML,
      ".github/CODEOWNERS": CODEOWNERS,
      "README.md": "# search\n",
      [SCORING_PATH]: SCORING,
    },
  });
}

/** `at`: `HH:MM` on 2026-02-03, or `MM-DD HH:MM` on another day. */
export type Step = {
  at: string;
  who: string;
  what: string;
  run: (sim: Simulator, issue: number) => Promise<unknown>;
};

/** Before the incident: the change that breaks search is merged and deployed; an unrelated pull request is open. */
export const BEFORE: Step[] = [
  {
    at: "14:10",
    who: "dave",
    what: "opens a pull request that tunes search scoring",
    run: async (sim) => {
      await pushFile(
        sim,
        "dave",
        "tune-scoring",
        SCORING_PATH,
        SCORING_BOOSTED,
        "Boost exact matches in search scoring",
      );
      return openPull(sim, "dave", "tune-scoring", "Tune search result scoring", "Boosts exact matches.");
    },
  },
  {
    at: "14:11",
    who: "erin",
    what: "opens an unrelated pull request",
    run: async (sim) => {
      await pushFile(sim, "erin", "readme-typo", "README.md", "# Search service\n", "Fix the README title");
      return openPull(sim, "erin", "readme-typo", "Fix the README title", "Docs only.");
    },
  },
  {
    at: "14:14",
    who: "bob",
    what: "merges the scoring change",
    run: async (sim) => mergePull(sim, "bob", await findPull(sim, "tune-scoring")),
  },
  {
    at: "14:15",
    who: "dave",
    what: "deploys main to production (deploy #123)",
    run: (sim) => deploy(sim, "dave", "Deploy #123"),
  },
];

const comment = (who: string, body: string) => (sim: Simulator, issue: number) =>
  sim.as(who).rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: issue, body });
const label = (who: string, name: string) => (sim: Simulator, issue: number) =>
  sim.as(who).rest.issues.addLabels({ owner: OWNER, repo: REPO, issue_number: issue, labels: [name] });

/** Edits the most recent comment by `who` that contains `match`. */
const edit = (who: string, match: string, body: string) => async (sim: Simulator, issue: number) => {
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
  { at: "14:25", who: "bob", what: "acknowledges", run: comment("bob", "/ack") },
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
    at: "14:50",
    who: "carol",
    what: "second status update",
    run: comment("carol", "/update Service restored at 14:40; monitoring error rates before closing."),
  },
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
  { at: "14:55", who: "alice", what: "asks for help", run: comment("alice", "/help") },
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
];
