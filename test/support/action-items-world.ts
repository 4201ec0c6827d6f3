import type { Simulator } from "@incident-app/github-simulator";
import type { Octokit } from "../../src/github/client.js";
import { asOctokit } from "../../src/github/client.js";
import { runSweep, type SweepReport } from "../../src/pipelines/run-sweep.js";
import type { Harness } from "./harness.js";

/**
 * A small world for end-to-end tests of action items and the sweep: org `acme`
 * (alice, bob, dave), repo `acme/svc` with a board, the app installed, and a
 * declared incident filed by alice at 14:23.
 */
export const BOARD_CONFIG = `onCall:
  primary: [alice]
  secondary: [dave]
escalation:
  - after: 5m
    when: unacknowledged
    notify: [secondary]
project:
  owner: acme
  number: 1
`;

export const INCIDENT_FORM = {
  title: "Checkout returns 500",
  body: "### Severity\n\nSEV-2\n\n### What is broken / user impact\n\nCheckout fails.\n",
  labels: ["incident"],
};

export interface World {
  installation: number;
  octokit: Octokit;
  incident: number;
  sweep(at: string): Promise<SweepReport>;
}

export async function actionItemsWorld(harness: Harness, config = BOARD_CONFIG): Promise<World> {
  const { sim, clock } = harness;
  sim.createOrg("acme", ["alice", "bob", "dave"]);
  sim.createRepo({ owner: "acme", name: "svc", files: { ".github/incident.yml": config } });
  sim.createOrgProject("acme", {
    title: "Follow-ups",
    fields: [
      { name: "Due", dataType: "DATE" },
      { name: "Priority", dataType: "SINGLE_SELECT", options: ["High", "Medium", "Low"] },
      { name: "Status", dataType: "SINGLE_SELECT", options: ["Todo", "Done"] },
    ],
  });
  const installation = await sim.installApp("acme", ["svc"]);
  const octokit = asOctokit(await harness.probot.auth(installation));
  clock.set(new Date("2026-02-03T14:23:00Z"));
  const incident = sim.fileIssueForm("alice", { owner: "acme", name: "svc" }, INCIDENT_FORM);
  await sim.settle();
  return {
    installation,
    octokit,
    incident,
    async sweep(at: string) {
      clock.set(new Date(at));
      const report = await runSweep({
        octokit,
        repos: ["acme/svc"],
        now: clock.now(),
        dryRun: false,
        botLogin: sim.botLogin,
      });
      await sim.settle();
      return report;
    },
  };
}

export async function say(sim: Simulator, who: string, issue: number, body: string): Promise<void> {
  await sim.as(who).rest.issues.createComment({ owner: "acme", repo: "svc", issue_number: issue, body });
  await sim.settle();
}

/** Issues of the repo by the app, and comments by the app per issue, as people see them. */
export async function appWrites(
  sim: Simulator,
): Promise<{ issues: number; comments: number; board: number }> {
  const person = sim.as("alice");
  const issues = await person.paginate(person.rest.issues.listForRepo, {
    owner: "acme",
    repo: "svc",
    state: "all",
    per_page: 100,
  });
  let comments = 0;
  for (const issue of issues) {
    const list = await person.paginate(person.rest.issues.listComments, {
      owner: "acme",
      repo: "svc",
      issue_number: issue.number,
      per_page: 100,
    });
    comments += list.filter((comment) => comment.user?.login === sim.botLogin).length;
  }
  return {
    issues: issues.filter((issue) => issue.user?.login === sim.botLogin).length,
    comments,
    board: sim.projectBoard("acme", 1).length,
  };
}
