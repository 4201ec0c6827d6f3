import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness.js";
import { FORM_BODY } from "../support/history-builder.js";
import { type PagerDutyReceiver, startPagerDutyReceiver } from "../support/receivers/pagerduty-receiver.js";
import { requestNames as names } from "../support/sim-code.js";
import { sweepNow } from "../support/sweep-now.js";

/**
 * An incident on several services, each with an on-call of its own (§13): each service's
 * primary is assigned and paged once (a person on call for two services once), the
 * declaration says who for which service, and escalation reaches each service's secondary.
 * Pages go to a PagerDuty receiver that accepts only the Events API's documented shape.
 */
const PD_KEY = "R0UTINGKEYMADEFORTHISTEST0000000";
const config = (url: string) => `onCall:
  primary: [alice]
services:
  search:
    onCall: { primary: ["@carol"], secondary: ["@bob"] }
  api:
    onCall: { primary: ["@dave"], secondary: ["@erin"] }
  web:
    onCall: { primary: ["@carol"] }
  docs: {}
escalation:
  - { after: 5m, when: unacknowledged, notify: [secondary] }
paging:
  service: pagerduty
  severities: { SEV-2: page }
  pagerduty:
    routingKeyFrom: PD_KEY
    baseUrl: ${url}
    users: { PCAROL: "@carol", PDAVE: "@dave", PBOB: "@bob", PERIN: "@erin" }
`;
const where = { owner: "acme", repo: "shop" };

let h: Harness;
let pd: PagerDutyReceiver;
afterEach(async () => {
  await h?.close();
  await pd?.close();
});

async function start() {
  pd = await startPagerDutyReceiver();
  h = await startHarness({ start: "2026-02-03T14:23:00Z", env: { PD_KEY } });
  h.sim.createOrg("acme", ["alice", "bob", "carol", "dave", "erin"]);
  h.sim.createRepo({ owner: "acme", name: "shop", files: { ".github/incident.yml": config(pd.url) } });
  await h.sim.installApp("acme", ["shop"]);
}

function declare(services: string): number {
  const body = FORM_BODY.replace("### Affected services\n\nsearch", `### Affected services\n\n${services}`);
  return h.sim.fileIssueForm(
    "alice",
    { owner: "acme", name: "shop" },
    { title: "Checkout down", body, labels: ["incident"] },
  );
}

async function appComments(number: number): Promise<string[]> {
  const { data } = await h.sim.as("alice").rest.issues.listComments({ ...where, issue_number: number });
  return data.filter((c) => c.user?.login === h.sim.botLogin).map((c) => c.body ?? "");
}

describe("paging each affected service's on-call", () => {
  it("assigns and pages each service's primary once, says who for which service, and escalates to each secondary", async () => {
    await start();
    const before = h.sim.appRequests().length;
    const number = declare("search, api, web, docs");
    await h.settle();
    const requests = h.sim.appRequests().slice(before);

    const { data: issue } = await h.sim.as("alice").rest.issues.get({ ...where, issue_number: number });
    expect(issue.assignees?.map((a) => a.login).sort()).toEqual(["carol", "dave"]);
    const declaration = (await appComments(number)).find((body) => body.includes("incident-app:declaration"));
    expect(declaration).toContain(
      "| **On call** | @carol for `search` and `web`, @dave for `api` (assigned, paged) |",
    );
    // One page for the incident, for both people: carol once though she is on call for two services.
    expect(pd.events.map((e) => [e.event_action, e.dedup_key])).toEqual([["trigger", "INC-20260203-001"]]);
    expect(pd.events[0]?.payload?.summary).toContain("(for @carol, @dave)");
    expect(pd.events[0]?.payload?.custom_details).toMatchObject({ for: "carol, dave" });
    // Paging per service costs GitHub nothing: the assignees the read has no node id for
    // go by REST (as for one service's on-call), the rest is the declaration's one write.
    expect(names(requests)).toEqual([
      "GET repos/get-content",
      "IncidentHistory",
      "PATCH issues/update", // carol and dave assigned
      "IncidentWrites",
    ]);

    h.clock.set(new Date("2026-02-03T14:29:00Z"));
    const sweep = () => sweepNow(h, "shop");
    await sweep();
    await sweep(); // once
    const escalation = (await appComments(number)).find((body) => body.includes("incident-app:escalation"));
    expect(escalation).toContain("@bob");
    expect(escalation).toContain("@erin");
    expect(escalation).not.toContain("@alice");
    expect(pd.events.map((e) => [e.dedup_key, e.payload?.summary.match(/\(for [^)]*\)/)?.[0]])).toEqual([
      ["INC-20260203-001", "(for @carol, @dave)"],
      ["INC-20260203-001:escalation-1", "(for @bob, @erin)"],
    ]);
  });

  it("keeps the top-level on-call for an incident whose services have none of their own", async () => {
    await start();
    const number = declare("docs");
    await h.settle();
    const { data: issue } = await h.sim.as("alice").rest.issues.get({ ...where, issue_number: number });
    expect(issue.assignees?.map((a) => a.login)).toEqual(["alice"]);
    const declaration = (await appComments(number)).find((body) => body.includes("incident-app:declaration"));
    expect(declaration).toContain("| **On call** | @alice (assigned, paged) |");
    expect(pd.events[0]?.payload?.summary).not.toContain("(for ");
  });
});
