import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness.js";

/**
 * Every label the config can rename routes like the default: the incident label, the
 * severity labels and the status labels, through label, close and reopen events.
 */
const repo = { owner: "acme", repo: "shop" };
const CONFIG = `labels:
  incident: outage
  statusPrefix: "state/"
severities:
  - name: P1
    aliases: [critical]
  - name: P2
    aliases: [major]
`;

let harness: Harness;
let alice: Octokit;
let issue = 0;
const at = (hhmm: string) => harness.clock.set(new Date(`2026-02-03T${hhmm}:00Z`));

async function labels(): Promise<string[]> {
  const { data } = await alice.rest.issues.listLabelsOnIssue({ ...repo, issue_number: issue });
  return data.map((label) => label.name).sort();
}

async function timeline(): Promise<string> {
  const { data } = await alice.rest.issues.listComments({ ...repo, issue_number: issue, per_page: 100 });
  return data.find((comment) => comment.body?.includes("incident-app:timeline"))?.body ?? "";
}

beforeAll(async () => {
  harness = await startHarness({ start: "2026-02-03T14:00:00Z" });
  harness.sim.createOrg("acme", ["alice", "bob"]);
  harness.sim.createRepo({
    owner: "acme",
    name: "shop",
    files: { ".github/incident.yml": CONFIG, "README.md": "shop\n" },
  });
  await harness.sim.installApp("acme", ["shop"]);
  alice = harness.sim.as("alice");
  const { data } = await alice.rest.issues.create({ ...repo, title: "Checkout fails", body: "500s on pay" });
  issue = data.number;
  await harness.sim.settle();
}, 120_000);
afterAll(() => harness.close());

describe("renamed labels (labels.incident: outage, severities P1/P2, status prefix state/)", () => {
  it("declares when the renamed incident label is added by hand", async () => {
    at("14:05");
    await alice.rest.issues.addLabels({ ...repo, issue_number: issue, labels: ["outage"] });
    await harness.sim.settle();
    const { data } = await alice.rest.issues.get({ ...repo, issue_number: issue });
    expect(data.title).toBe("[INC-20260203-001] Checkout fails");
    expect(await labels()).toEqual(["P2", "outage", "state/investigating"]);
  });

  it("follows a renamed severity label and a renamed status label added by hand", async () => {
    at("14:10");
    await alice.rest.issues.addLabels({ ...repo, issue_number: issue, labels: ["P1"] });
    await harness.sim.settle();
    expect(await labels()).toEqual(["P1", "outage", "state/investigating"]);
    at("14:12");
    await alice.rest.issues.removeLabel({ ...repo, issue_number: issue, name: "state/investigating" });
    await alice.rest.issues.addLabels({ ...repo, issue_number: issue, labels: ["state/identified"] });
    await harness.sim.settle();
    expect(await labels()).toEqual(["P1", "outage", "state/identified"]);
    const text = await timeline();
    expect(text).toContain("| 14:10 | Severity P2 → **P1** (label added by hand) | @alice |");
    expect(text).toContain(
      "| 14:12 | Status investigating → **identified** (label added by hand) | @alice |",
    );
  });

  it("resolves when the issue is closed and reopens when it is reopened", async () => {
    at("14:20");
    await alice.rest.issues.update({ ...repo, issue_number: issue, state: "closed" });
    await harness.sim.settle();
    expect(await labels()).toEqual(["P1", "outage", "state/resolved"]);
    expect(await timeline()).toContain("Resolved (issue closed)");
    at("14:25");
    await alice.rest.issues.update({ ...repo, issue_number: issue, state: "open" });
    await harness.sim.settle();
    expect(await labels()).toEqual(["P1", "outage", "state/investigating"]);
    expect(await timeline()).toContain("(issue reopened)");
  });

  it("still ignores labels it does not own on issues that are not incidents", async () => {
    const { data } = await alice.rest.issues.create({ ...repo, title: "Typo", body: "in README" });
    const before = harness.sim.appRequests().length;
    await alice.rest.issues.addLabels({ ...repo, issue_number: data.number, labels: ["docs"] });
    await harness.sim.settle();
    // At most the config read (cached a minute), never the issue's history.
    const requests = harness.sim.appRequests().slice(before);
    expect(requests.filter((entry) => entry.path.includes("graphql"))).toEqual([]);
    expect(requests.length).toBeLessThanOrEqual(1);
  });
});
