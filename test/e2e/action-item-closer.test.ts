import type { RequestLogEntry } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness.js";
import { type OrganisationWorld, startOrganisationWorld } from "../support/organisation-world.js";
import { pullWith } from "../support/sim-code.js";

/**
 * Which pull request closed an action item: GitHub's `issues.closed` webhook does not
 * say, the item's last `ClosedEvent.closer` does, and the incident's one read carries it.
 * Organisation mode: the incident and its items live in `acme/incidents`; one item is
 * fixed in `acme/shop` (`Fixes acme/incidents#N`), the other in the incidents repository.
 */
const incidents = { owner: "acme", repo: "incidents" };
const shop = { owner: "acme", repo: "shop" };
const FORM = {
  title: "Checkout returns 500",
  body: "### Severity\n\nSEV-2\n\n### What is broken / user impact\n\nCheckout fails.\n",
  labels: ["incident"],
};
let harness: Harness;
let alice: Octokit;
let incident = 0;
let items: number[] = [];
let shopPull = 0;
let localPull = 0;
let mergeRequests: RequestLogEntry[] = [];

let world: OrganisationWorld;
const at = (hhmm: string) => world.at(hhmm);

async function say(body: string) {
  await harness.sim.as("bob").rest.issues.createComment({ ...incidents, issue_number: incident, body });
  await harness.settle();
}

/** A pull request with one change and `body`, merged into the default branch by alice. */
const mergedPull = (where: typeof shop, branch: string, body: string) =>
  pullWith(alice, where, { branch, path: `src/${branch}.ts`, text: "export {};\n", body });

const timeline = () => world.timeline(incident);

beforeAll(async () => {
  world = await startOrganisationWorld({
    start: "2026-02-03T14:00:00Z",
    members: ["alice", "bob", "dave"],
    files: { "src/a.ts": "a\n" },
    repos: [{ name: "shop", private: true, files: { "src/b.ts": "b\n" } }],
  });
  ({ harness, alice } = world);
  const { sim } = harness;
  at("14:23");
  incident = sim.fileIssueForm("alice", { owner: "acme", name: "incidents" }, FORM);
  await harness.settle();
  at("14:30");
  await say("/ack");
  await say(
    "/action Add retry alerting @dave due:2026-02-06\n/action Document the rollback @alice due:2026-02-07",
  );
  const { data } = await alice.rest.issues.listForRepo({ ...incidents, labels: "action-item", state: "all" });
  items = data.map((issue) => issue.number).sort((a, b) => a - b);

  at("14:50");
  await harness.settle();
  const before = sim.appRequests().length;
  shopPull = await mergedPull(shop, "retry-alerting", `Adds the alert.\n\nFixes acme/incidents#${items[0]}`);
  await harness.settle();
  mergeRequests = sim.appRequests().slice(before);
  at("14:55");
  localPull = await mergedPull(incidents, "rollback-doc", `Closes #${items[1]}`);
  await harness.settle();
}, 120_000);
afterAll(() => harness.close());

describe("an action item closed by a pull request", () => {
  it("closes both items the way GitHub does", async () => {
    expect(items).toHaveLength(2);
    for (const number of items) {
      const { data } = await alice.rest.issues.get({ ...incidents, issue_number: number });
      expect(data.state).toBe("closed");
    }
  });

  it("shows on the incident's timeline which pull request closed each item, across repositories as owner/repo#N", async () => {
    const text = await timeline();
    const url = (repo: string, kind: string, n: number) => `https://github.com/acme/${repo}/${kind}/${n}`;
    expect(text).toContain(
      `✅ Action item [#${items[0]}](${url("incidents", "issues", items[0] ?? 0)}) closed by [acme/shop#${shopPull}](${url("shop", "pull", shopPull)})`,
    );
    expect(text).toContain(
      `✅ Action item [#${items[1]}](${url("incidents", "issues", items[1] ?? 0)}) closed by [#${localPull}](${url("incidents", "pull", localPull)})`,
    );
  });

  it("reads the closer within the incident's one read: the item, the incident once, the timeline", () => {
    const named = mergeRequests.map((entry) => entry.graphql ?? `${entry.method} ${entry.operation}`);
    // The merge in acme/shop: the pull request's event reads nothing of the incident; the
    // item's `issues.closed` reads the item, then the incident once, and writes the timeline.
    expect(named.filter((name) => name === "IncidentHistory")).toHaveLength(1);
    expect(named).toMatchInlineSnapshot(`
      [
        "GET repos/get-content",
        "GET repos/get-content",
        "PullRequestContext",
        "GET repos/get-content",
        "GET repos/get-content",
        "ActionItem",
        "IncidentHistory",
        "IncidentWrites",
      ]
    `);
  });

  it("names the closing pull requests in the review's action-items table", async () => {
    at("15:10");
    await say("/resolve Rolled back");
    const { data: pulls } = await alice.rest.pulls.list({ ...incidents, state: "open" });
    const review = pulls.find((pull) => pull.head.ref.startsWith("pir/"));
    expect(review).toBeDefined();
    const { data } = await alice.rest.repos.getContent({
      ...incidents,
      path: "docs/incidents/INC-20260203-001.md",
      ref: review?.head.ref ?? "",
    });
    const text = Buffer.from((data as { content: string }).content, "base64").toString("utf8");
    expect(text).toContain(
      `| Add retry alerting (#${items[0]}) | @dave | 2026-02-06 | medium | done, closed by [acme/shop#${shopPull}](https://github.com/acme/shop/pull/${shopPull}) |`,
    );
    expect(text).toContain(
      `| Document the rollback (#${items[1]}) | @alice | 2026-02-07 | medium | done, closed by [#${localPull}](https://github.com/acme/incidents/pull/${localPull}) |`,
    );
  });
});
