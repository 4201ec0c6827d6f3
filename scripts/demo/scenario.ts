import type { Simulator } from "../../test/simulator/index.js";

/**
 * The demo incident: the example of seed plan 000 (search returns no results for
 * food bank queries, 2026-02-03), played by people through the simulator's API at
 * the plan's times.
 */
export const OWNER = "acme";
export const REPO = "search-service";

export const PEOPLE = {
  alice: "alice", // on-call engineer who files the form
  bob: "bob", // incident commander
  carol: "carol", // comms
  dave: "dave", // tech lead
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
project:
  owner: acme
  number: ${PROJECT_NUMBER}
reminders:
  dueSoon: 2d
  overdueEvery: 3d
  pirDueSoon: 1d
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
  sim.createOrg(OWNER, [PEOPLE.alice, PEOPLE.bob, PEOPLE.carol, PEOPLE.dave]);
  sim.createUser(PEOPLE.mallory);
  sim.createRepo({
    owner: OWNER,
    name: REPO,
    files: { ".github/incident.yml": CONFIG_YAML, "README.md": "# search\n" },
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

/** What a step can do: act as people through the simulator, or run the app's sweep. */
export interface StepContext {
  sim: Simulator;
  issue: number;
  sweep: () => Promise<string[]>;
}

/** `at`: `HH:MM` on the incident's day (2026-02-03), or `MM-DD HH:MM` later, UTC. */
export type Step = { at: string; who: string; what: string; run: (ctx: StepContext) => Promise<unknown> };

export const comment =
  (who: string, body: string) =>
  ({ sim, issue }: StepContext) =>
    sim.as(who).rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: issue, body });
export const sweep = ({ sweep: run }: StepContext) => run();
