import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OrganisationDemoResult, playOrganisationDemo } from "../../scripts/demo/organisation-demo.js";
import { checkOrganisationSection, organisationSection } from "../../scripts/demo/organisation-summary.js";
import { OWNER, REPO, seedDemoRepo } from "../../scripts/demo/scenario.js";
import { type Harness, startHarness } from "../support/harness.js";

/**
 * The demo's organisation-mode incident (§13) on its own: declared in the private
 * acme/incidents, reverted and branched in acme/search-service, and a security incident
 * filed in the public acme/search-service moved to acme/security-incidents.
 */
let harness: Harness;
let demo: OrganisationDemoResult;

beforeAll(async () => {
  harness = await startHarness({ start: "2026-02-17T09:00:00Z" });
  seedDemoRepo(harness.sim);
  const installation = await harness.sim.installApp(OWNER, [REPO]);
  demo = await playOrganisationDemo(harness, installation, () => {});
}, 180_000);
afterAll(() => harness.close());

describe("the organisation-mode demo", () => {
  it("passes its own checks", () => {
    expect(demo.problems).toEqual([]);
  });

  it("puts the code repository's pull requests on the incident's timeline", () => {
    expect(demo.transcript).toMatch(
      /\| 10:08 \| Revert PR acme\/search-service#\d+ \(reverts acme\/search-service#\d+\) merged \[↗\]\(https:\/\/github\.com\/acme\/search-service\/pull\/\d+\) \| @dave \|/,
    );
  });

  it("costs what each step should, requests counted per step", () => {
    const cost = (prefix: string) =>
      Object.entries(demo.requests).find(([step]) => step.startsWith(prefix))?.[1];
    // /ack: the incident's read, the service's code for the timeline (one batched document), one batched write.
    expect(cost("10:03")).toBe(3);
    // A second `/revert` or `/hotfix` there is answered from that read: no revert, no branch, one reply.
    const again = Object.entries(demo.requests).filter(([step]) => step.startsWith("10:14"));
    expect(again.map(([, count]) => count)).toEqual([3, 3]);
    // Declaring: config, its services' repositories checked (once per config load), history, the
    // other repositories' day (ids, suspects), the write, the id's check.
    expect(cost("10:02")).toBe(6);
    // While the incident freezes, its events also read the frozen repositories' checks (one
    // batched document): the merge costs the pull request's read, the incident's read, that read
    // and one write; `/freeze on` the incident's read, that read, the failing check and one write.
    expect(cost("10:08")).toBe(4);
    expect(cost("10:04")).toBe(4);
  });

  it("tells the cross-repository steps in the main transcript's section, with their answers and costs", () => {
    const section = organisationSection({
      id: "INC-20260217-001",
      steps: demo.steps,
      freeze: demo.freeze,
      security: demo.securityMove,
    });
    expect(checkOrganisationSection(section)).toEqual([]);
    expect(section).toMatch(
      /\| 10:12 \| dave \| \/hotfix acme\/search-service \| 🌿 Created the hotfix branch/,
    );
    expect(section).toContain("`api` in `acme/api` (not affected by this incident)");
    expect(section).toContain("↩️ acme/search-service#1 is reverted by acme/search-service#3 (merged).");
  });

  it("leaves nothing of the security incident in the public repository", async () => {
    const { data } = await harness.sim
      .as("alice")
      .rest.issues.listForRepo({ owner: OWNER, repo: REPO, state: "all" });
    expect(data.map((issue) => issue.title)).not.toContainEqual(expect.stringContaining("Session tokens"));
    expect(demo.security).toContain("Moved here from the public repository `acme/search-service`");
  });
});
