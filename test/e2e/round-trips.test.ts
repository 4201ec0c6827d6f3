import type { RequestLogEntry } from "@incident-app/github-simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONG_INCIDENT_COMMANDS } from "../../scripts/bench/latency.js";
import { secondaryPoints } from "../../scripts/bench/points.js";
import { openPull, pushFile } from "../../scripts/demo/code-actions.js";
import { FORM, OWNER, PEOPLE, REPO } from "../../scripts/demo/scenario.js";
import { type IncidentFixture, startIncident } from "../support/incident-fixture.js";

/**
 * One read, one write (§2.6): every single-issue command is the history read and one
 * document of mutations, on a fresh incident and on one with more than a page of
 * history (the later pages come with the first), at most 6 secondary-limit points
 * (1 for the read, 5 for the write); declaring is at most 3 requests.
 */
let fx: IncidentFixture;
beforeAll(async () => {
  fx = await startIncident({ file: false });
}, 120_000);
afterAll(() => fx.close());

async function fileIncident(): Promise<{ number: number; declaring: RequestLogEntry[] }> {
  const mark = fx.sim.log.length;
  const number = fx.sim.fileIssueForm(
    PEOPLE.alice,
    { owner: OWNER, name: REPO },
    { ...FORM, labels: ["incident"] },
  );
  await fx.sim.settle();
  const made = fx.requestsSince(mark);
  const first = made.find((entry) => entry.graphql === "IncidentHistory");
  return { number, declaring: made.filter((entry) => entry.delivery === first?.delivery) };
}

/** The requests of the comment's own delivery. */
async function commandRequests(number: number, body: string): Promise<RequestLogEntry[]> {
  const { data } = await fx.sim
    .as(PEOPLE.bob)
    .rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: number, body });
  await fx.sim.settle();
  const delivery = fx.sim.deliveries.find(
    (d) => d.event === "issue_comment" && (d.payload.comment as { id?: number }).id === data.id,
  );
  return fx.sim.appRequests().filter((entry) => entry.delivery === delivery?.id);
}

const names = (entries: RequestLogEntry[]) =>
  entries.map((entry) => entry.graphql ?? `${entry.method} ${entry.path}`);

describe("requests per command", () => {
  it("declares in at most 3 requests: the read, the recurrence read elsewhere, one write", async () => {
    // The first event of the process reads the config file; later ones know its blob id.
    await fileIncident();
    const { declaring } = await fileIncident();
    expect(names(declaring)).toEqual(["IncidentHistory", "RecurrenceElsewhere", "IncidentWrites"]);
    expect(secondaryPoints(declaring).points).toBe(7);
  });

  it("answers each single-issue command on a fresh incident with one read and one write", async () => {
    const { number } = await fileIncident();
    for (const [label, body] of LONG_INCIDENT_COMMANDS) {
      const made = await commandRequests(number, body);
      expect([label, names(made)]).toEqual([label, ["IncidentHistory", "IncidentWrites"]]);
      expect([label, secondaryPoints(made).points]).toEqual([label, 6]);
    }
  });

  it("/status public: the site's read and one signed commit once its branch exists", async () => {
    const { number } = await fileIncident();
    // The first publish makes the site branch, an orphan: GraphQL cannot, so tree, commit and ref by REST.
    const first = await commandRequests(number, "/status public investigating We are looking into it.");
    expect(names(first)).toEqual([
      "IncidentHistory",
      "StatusSiteIncidents",
      "POST /repos/acme/search-service/git/trees",
      "POST /repos/acme/search-service/git/commits",
      "POST /repos/acme/search-service/git/refs",
      "IncidentWrites",
    ]);
    const later = await commandRequests(number, "/status public identified A bad deploy.");
    expect(names(later)).toEqual([
      "IncidentHistory",
      "StatusSiteIncidents",
      "CommitStatusSite",
      "IncidentWrites",
    ]);
    expect(secondaryPoints(later).points).toBe(12);
  });

  it("/severity SEV-1 with an open pull request: the freeze check rides in the one document", async () => {
    await pushFile(fx.sim, "erin", "readme-typo", "README.md", "# Search service\n", "Fix the README title");
    await openPull(fx.sim, "erin", "readme-typo", "Fix the README title", "Docs only.");
    await fx.sim.settle();
    const { number } = await fileIncident();
    const made = await commandRequests(number, "/severity SEV-1 wider impact");
    expect(names(made)).toEqual(["IncidentHistory", "IncidentWrites"]);
    const query = String((made[1]?.body as { query?: string } | undefined)?.query);
    expect(query).toMatch(/(createCheckRun|updateCheckRun)\(/);
  });

  it("and on an incident of more than 250 history items, once its timeline carries a checkpoint", async () => {
    const { number } = await fileIncident();
    // The notes reach GitHub without their webhooks; the first command after them reads them all.
    fx.sim.holdDeliveries(() => true);
    const carol = fx.sim.as(PEOPLE.carol);
    for (let i = 0; i < 250; i++)
      await carol.rest.issues.createComment({
        owner: OWNER,
        repo: REPO,
        issue_number: number,
        body: `note ${i}`,
      });
    fx.sim.holdDeliveries(() => false);
    // The first command after them finds no checkpoint that covers them: one read more,
    // and its timeline write carries one (history-checkpoint.test.ts).
    const first = await commandRequests(number, "/note first after the notes");
    expect(names(first)).toEqual(["IncidentHistory", "IncidentHistory", "IncidentWrites"]);
    for (const [label, body] of LONG_INCIDENT_COMMANDS) {
      const made = await commandRequests(number, body);
      expect([label, names(made)]).toEqual([label, ["IncidentHistory", "IncidentWrites"]]);
      expect([label, secondaryPoints(made).points]).toEqual([label, 6]);
    }
  });
});
