import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness.js";
import { startHarness } from "../support/harness.js";
import { FORM_BODY } from "../support/history-builder.js";
import { commitOnBranch, deployedToProduction, pullWith } from "../support/sim-code.js";

/** Code commands against the simulator: what each does, and what it says when it cannot. */
const repo = { owner: "acme", repo: "shop" };
let harness: Harness;
let alice: Octokit;
let issue: number;

const at = (hhmm: string) => harness.clock.set(new Date(`2026-02-03T${hhmm}:00Z`));

const branch = (name: string, path: string, text: string) => commitOnBranch(alice, repo, name, path, text);
const merged = (name: string, path: string, text: string) =>
  pullWith(alice, repo, { branch: name, path, text });

async function say(body: string): Promise<string> {
  await alice.rest.issues.createComment({ ...repo, issue_number: issue, body });
  await harness.sim.settle();
  const { data } = await alice.rest.issues.listComments({ ...repo, issue_number: issue, per_page: 100 });
  return data.at(-1)?.body ?? "";
}

async function freezeCheck(pull: number) {
  const { data: pr } = await alice.rest.pulls.get({ ...repo, pull_number: pull });
  const { data } = await alice.rest.checks.listForRef({
    ...repo,
    ref: pr.head.sha,
    check_name: "incident-freeze",
  });
  return data.check_runs.map((run) => `${run.conclusion}: ${run.output.title}`);
}

beforeAll(async () => {
  harness = await startHarness({ start: "2026-02-03T13:00:00Z" });
  const { sim } = harness;
  sim.createOrg("acme", ["alice", "bob"]);
  sim.createRepo({ owner: "acme", name: "shop", files: { "src/a.ts": "a1\n", "README.md": "shop\n" } });
  await sim.installApp("acme", ["shop"]);
  alice = sim.as("alice");
  await merged("first", "src/a.ts", "a2\n"); // #1
  await merged("second", "src/a.ts", "a3\n"); // #2: reverting #1 now conflicts
  await branch("docs", "README.md", "docs\n");
  await alice.rest.pulls.create({ ...repo, head: "docs", base: "main", title: "Docs" }); // #3, open
  await sim.settle();
  at("14:23");
  issue = sim.fileIssueForm(
    "alice",
    { owner: "acme", name: "shop" },
    { title: "Shop down", body: FORM_BODY, labels: ["incident"] },
  );
  await sim.settle();
}, 120_000);
afterAll(() => harness.close());

describe("/revert", () => {
  it("says why it cannot revert: a conflict, an unmerged pull request, a missing one, an issue", async () => {
    at("14:30");
    expect(await say("/revert #1")).toContain(
      "Could not revert #1: GitHub could not revert #1 automatically",
    );
    expect(await say("/revert #3")).toContain(
      "Could not revert #3: #3 is still open, so there is nothing to revert.",
    );
    expect(await say("/revert #99")).toContain("there is no pull request #99 in this repository");
    expect(await say(`/revert #${issue}`)).toContain(`#${issue} is an issue, not a pull request`);
    // Each named number came with the incident's read (a missing one as null): no read of its own.
    expect(harness.sim.appRequests().filter((entry) => entry.graphql === "RevertTarget")).toEqual([]);
  });

  it("reverts a merged pull request once, even when asked again", async () => {
    at("14:31");
    expect(await say("/revert #2")).toMatch(/↩️ Opened #\d+ to revert #2\./);
    expect(await say("/revert #2")).toMatch(/#2 is reverted by #\d+ \(open\)/);
    const { data: pulls } = await alice.rest.pulls.list({ ...repo, state: "all" });
    expect(pulls.filter((pull) => pull.head.ref.startsWith("revert-2-"))).toHaveLength(1);
  });
});

describe("/hotfix", () => {
  it("says so when there is no deployment or no such ref, then branches from the deployment", async () => {
    at("14:40");
    expect(await say("/hotfix from deployed")).toContain("No successful deployment to `production` found");
    expect(await say("/hotfix from v9.9")).toContain("there is no branch, tag or commit named `v9.9`");
    const { data: main } = await alice.rest.git.getRef({ ...repo, ref: "heads/main" });
    await deployedToProduction(alice, repo);
    await harness.sim.settle();
    expect(await say("/hotfix deployed")).toContain(
      `Created the hotfix branch \`hotfix/inc-20260203-001\` from the last successful deployment to \`production\` (\`${main.object.sha.slice(0, 7)}\`)`,
    );
    expect(await say("/hotfix")).toContain("The hotfix branch `hotfix/inc-20260203-001` already exists");
  });
});

describe("/freeze", () => {
  it("fails the check on open pull requests, follows new pushes, and turns green when lifted", async () => {
    at("14:45");
    await say("/freeze on");
    expect(await freezeCheck(3)).toEqual(["failure: Merges frozen by INC-20260203-001"]);
    await branch("docs", "README.md", "docs 2\n"); // a new push: synchronize
    await harness.sim.settle();
    expect(await freezeCheck(3)).toEqual(["failure: Merges frozen by INC-20260203-001"]);
    at("14:50");
    await say("/freeze off");
    expect(await freezeCheck(3)).toEqual(["success: No merge freeze"]);
    const { data: labels } = await alice.rest.issues.listLabelsOnIssue({ ...repo, issue_number: issue });
    expect(labels.map((label) => label.name)).not.toContain("incident: freeze");
  });
});

describe("pull requests that name the incident", () => {
  it("are linked with one comment when they say only the id", async () => {
    at("14:55");
    await branch("cleanup", "src/b.ts", "b\n");
    const { data: pull } = await alice.rest.pulls.create({
      ...repo,
      head: "cleanup",
      base: "main",
      title: "Cleanup after INC-20260203-001",
    });
    await alice.rest.pulls.update({ ...repo, pull_number: pull.number, body: "More detail" });
    await harness.sim.settle();
    const { data: comments } = await alice.rest.issues.listComments({ ...repo, issue_number: pull.number });
    expect(comments.map((c) => c.body?.split("\n")[1])).toEqual([
      `🔗 Part of incident [INC-20260203-001](https://github.com/acme/shop/issues/${issue}) (#${issue}): this pull request appears on its timeline.`,
    ]);
    const { data: incident } = await alice.rest.issues.listComments({
      ...repo,
      issue_number: issue,
      per_page: 100,
    });
    const timeline = incident.find((c) => c.body?.includes("incident-app:timeline"))?.body ?? "";
    expect(timeline).toContain(`PR #${pull.number} opened: “Cleanup after INC-20260203-001”`);
  });
});
