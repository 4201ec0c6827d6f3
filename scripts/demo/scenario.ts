import type { Simulator } from "@incident-app/github-simulator";
import { OWNER, REPO } from "./code-actions.js";
import { CODEOWNERS, SCORING, SCORING_PATH } from "./code-fixtures.js";
import type { RunSweep } from "./step-helpers.js";

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

export const PROJECT_NUMBER = 1;

export const CONFIG_YAML = `# Demo configuration: the plan defaults plus on-call, a runbook, seed plan 001's
# escalation policy and a project board for action items.
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
  - after: 30m
    when: unresolved
    notify: ["@acme/vp-engineering"]
# Seed plan 000: SEV-1/2 to #kingston-alerts (Slack), everything to the ops team (Teams).
# The URLs are secrets: the demo puts its local receiver's URLs in these variables.
notifications:
  targets:
    kingston-alerts:
      type: slack
      urlFrom: DEMO_SLACK_WEBHOOK_URL
      severities: [SEV-1, SEV-2]
    ops-teams:
      type: teams
      urlFrom: DEMO_TEAMS_WEBHOOK_URL
statusPage:
  title: CareConnect status
project:
  owner: acme
  number: ${PROJECT_NUMBER}
# Earlier incidents were kept in acme/platform: declaring names recurrences there too.
recurrence:
  repos: [acme/platform]
reminders:
  dueSoon: 2d
  overdueEvery: 3d
  pirDueSoon: 2d
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
  sim.createOrg(OWNER, [PEOPLE.alice, PEOPLE.bob, PEOPLE.carol, PEOPLE.dave, PEOPLE.erin, "frank"]);
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
  sim.createOrgProject(OWNER, {
    title: "Incident follow-ups",
    fields: [
      { name: "Due", dataType: "DATE" },
      { name: "Priority", dataType: "SINGLE_SELECT", options: ["High", "Medium", "Low"] },
      { name: "Status", dataType: "SINGLE_SELECT", options: ["Todo", "In Progress", "Done"] },
    ],
  });
}

/** `at`: `HH:MM` on 2026-02-03, or `MM-DD HH:MM` on another day. */
export type Step = {
  at: string;
  who: string;
  what: string;
  run: (sim: Simulator, issue: number, sweep: RunSweep) => Promise<unknown>;
};

export { BEFORE } from "./before-incident.js";
export { FOLLOW_UP } from "./follow-up.js";
export { STEPS } from "./steps.js";
