import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness.js";
import { startOrganisationWorld } from "../support/organisation-world.js";
import { requestNames as named } from "../support/sim-code.js";

/**
 * `/incidents` across the installation's repositories: the incident label renamed to
 * `outage` everywhere, incidents in the private `acme/incidents` and `acme/api` (one of
 * them a security incident), and the public `acme/site` where the reply must not show
 * what is private. One search reads them all.
 */
const CONFIG = "labels:\n  incident: outage\n";
const form = (severity: string, title: string) => ({
  title,
  body: `### Severity\n\n${severity}\n\n### What is broken / user impact\n\n${title}.\n`,
  labels: ["outage"],
});
let harness: Harness;
let alice: Octokit;
const plain: Record<string, number> = {};
const declared: Record<string, number> = {};

const at = (hhmm: string) => harness.clock.set(new Date(`2026-02-03T${hhmm}:00Z`));

/** bob types `body` on `repo#number`; the app's reply and what the app asked of GitHub meanwhile. */
async function say(repo: string, number: number, body: string) {
  const before = harness.sim.appRequests().length;
  await harness.sim.as("bob").rest.issues.createComment({ owner: "acme", repo, issue_number: number, body });
  await harness.settle();
  const requests = harness.sim.appRequests().slice(before);
  const { data } = await alice.rest.issues.listComments({
    owner: "acme",
    repo,
    issue_number: number,
    per_page: 100,
  });
  const reply = data.at(-1);
  return { reply: reply?.user?.type === "Bot" ? (reply.body ?? "") : "", requests };
}

beforeAll(async () => {
  ({ harness, alice } = await startOrganisationWorld({
    start: "2026-02-03T14:00:00Z",
    members: ["alice", "bob", "dave"],
    config: CONFIG,
    repos: [
      { name: "api", private: true, config: CONFIG },
      { name: "site", config: CONFIG },
    ],
  }));
  const { sim } = harness;
  for (const repo of ["incidents", "site"])
    plain[repo] = (
      await alice.rest.issues.create({ owner: "acme", repo, title: "Quarterly planning" })
    ).data.number;

  at("14:23");
  declared.checkout = sim.fileIssueForm(
    "alice",
    { owner: "acme", name: "incidents" },
    form("SEV-2", "Checkout fails"),
  );
  await harness.settle();
  at("14:30");
  declared.payments = sim.fileIssueForm(
    "alice",
    { owner: "acme", name: "api" },
    form("SEV-1", "Payments time out"),
  );
  await harness.settle();
  await say("api", declared.payments, "/ic @dave");
  at("14:35");
  declared.leak = sim.fileIssueForm(
    "alice",
    { owner: "acme", name: "incidents" },
    form("SEV-3", "Token in a log"),
  );
  await harness.settle();
  await say("incidents", declared.leak, "/security");
  at("15:00");
}, 120_000);
afterAll(() => harness.close());

describe("/incidents", () => {
  it("lists every open incident of the installation's repositories, most severe first, in one search", async () => {
    const { reply, requests } = await say("incidents", plain.incidents ?? 0, "/incidents");
    const lines = reply.split("\n").filter((line) => line.startsWith("| [INC-"));
    expect(reply).toContain("🚨 3 open incidents, most severe first, then oldest first:");
    expect(lines).toHaveLength(3);
    // The security incident became SEV-1 (security incidents may be forced to the top), so it
    // comes after the older SEV-1 in acme/api.
    expect(lines[0]).toMatch(
      /^\| \[INC-20260203-001\]\(https:\/\/github\.com\/acme\/api\/issues\/\d+\) Payments time out · acme\/api \| SEV-1 \| investigating \| 30m \| `dave` \| /,
    );
    expect(lines.map((line) => line.split(" | ")[1])).toEqual([
      "SEV-1",
      expect.stringMatching(/^SEV-/),
      expect.stringMatching(/^SEV-/),
    ]);
    expect(reply).toContain("Checkout fails | SEV-2 | investigating | 37m | _none_ |");
    expect(reply).not.toContain("restricted");
    expect(named(requests).filter((name) => name === "OpenIncidentList")).toHaveLength(1);
    expect(named(requests)).toMatchInlineSnapshot(`
      [
        "IncidentHistory",
        "OpenIncidentList",
        "IncidentWrites",
      ]
    `);
  });

  it("in a public repository lists no security incident and nothing kept in a private repository", async () => {
    const { reply } = await say("site", plain.site ?? 0, "/incidents");
    expect(reply).toContain("✅ No open incidents.");
    expect(reply).toContain("🔒 3 restricted incidents not shown");
    expect(reply).not.toContain("Token in a log");
    expect(reply).not.toContain("Payments");
  });

  it("lists a public incident in a public repository, and says how many it left out", async () => {
    at("15:05");
    declared.site = harness.sim.fileIssueForm(
      "alice",
      { owner: "acme", name: "site" },
      form("SEV-3", "Banner misaligned"),
    );
    await harness.settle();
    at("15:10");
    const { reply } = await say("site", plain.site ?? 0, "/incidents");
    expect(reply).toContain("🚨 1 open incident, most severe first, then oldest first:");
    expect(reply).toMatch(
      /\| \[INC-20260203-001\]\(https:\/\/github\.com\/acme\/site\/issues\/\d+\) Banner misaligned \| SEV-3 \| investigating \| 5m \|/,
    );
    expect(reply).toContain("🔒 3 restricted incidents not shown");
  });

  it("works on an incident too, and answers arguments with what to type", async () => {
    const { reply } = await say("incidents", declared.checkout ?? 0, "/incidents");
    expect(reply).toContain("🚨 4 open incidents");
    const bad = await say("incidents", plain.incidents ?? 0, "/incidents open");
    expect(bad.reply).toContain("`/incidents`: did not expect");
    expect(bad.reply).toContain("expected nothing after `/incidents`");
    expect(named(bad.requests)).not.toContain("OpenIncidentList");
  });
});
