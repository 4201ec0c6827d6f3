import { afterEach, describe, expect, it } from "vitest";
import { FORM_BODY } from "../support/history-builder.js";
import { ALERTS_YAML, fixture } from "./alerts-harness.js";
import { pagingRun } from "./paging-run.js";

/**
 * `/page` in a drill (§14, §16): nothing leaves GitHub. No request reaches the paging
 * service's receiver, and the reply says who was not paged and why.
 */
const PD_KEY = "R0UTINGKEYMADEFORTHISTEST0000000";
const OG_KEY = "og-key-made-for-this-test";

describe("/page during a drill (simulator + paging receivers)", () => {
  const run = pagingRun();
  afterEach(() => run.close());

  it("PagerDuty: a drill from the start sends nothing for /page, and says so", async () => {
    const pd = await run.pagerDuty();
    const config = `${ALERTS_YAML}paging:\n  service: pagerduty\n  pagerduty:\n    routingKeyFrom: PD_KEY\n    baseUrl: ${pd.url}\n    users: { PALICE: "@alice", PCAROL: "@carol" }\n`;
    const h = await run.harness(config, { env: { PD_KEY } });
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = h.sim.fileIssueForm(
      "alice",
      { owner: "acme", name: "search" },
      { title: "Game day: search outage", body: FORM_BODY, labels: ["incident", "drill"] },
    );
    await h.settle();
    h.clock.set(new Date("2026-02-03T14:30:00Z"));
    await run.comment(number, "/page @carol need database help\n/page primary");
    await run.comment(number, "/resolve rehearsal done");

    expect(pd.requests).toEqual([]);
    const said = (await h.appComments(number)).join("\n");
    expect(said).toContain("This incident is a drill, so @carol was not paged (nothing leaves GitHub).");
    expect(said).toContain("This incident is a drill, so @alice was not paged (nothing leaves GitHub).");
    expect(said).not.toContain("📟 Paging");
    const timeline = await h.timeline(number);
    expect(timeline).toContain("Page for @carol not sent: a drill");
    expect(timeline).toContain("Page for @alice (primary) not sent: a drill");
  });

  it("Opsgenie: /page after the drill label sends nothing new; the page sent before is still closed", async () => {
    const og = await run.opsgenie(OG_KEY);
    const config = `${ALERTS_YAML}paging:\n  service: opsgenie\n  opsgenie:\n    apiKeyFrom: OG_KEY\n    baseUrl: ${og.url}\n    users: { "carol@example.com": "@carol" }\n`;
    const h = await run.harness(config, { env: { OG_KEY } });
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    const answer = await h.alertmanager(fixture("alertmanager.firing"));
    const number = answer.body.alerts[0]?.number ?? 0;
    expect(og.alerts.map((alert) => alert.alias)).toEqual(["INC-20260203-001"]);
    const before = og.requests.length;
    h.clock.set(new Date("2026-02-03T14:25:00Z"));
    await h.sim
      .as("bob")
      .rest.issues.addLabels({ owner: "acme", repo: "search", issue_number: number, labels: ["drill"] });
    await h.settle();
    h.clock.set(new Date("2026-02-03T14:26:00Z"));
    await run.comment(number, "/page @carol");

    expect(og.requests.length).toBe(before);
    const said = (await h.appComments(number)).join("\n");
    expect(said).toContain("This incident is a drill, so @carol was not paged (nothing leaves GitHub).");
    const timeline = await h.timeline(number);
    expect(timeline).not.toContain("Paged @carol");
    expect(timeline).toContain("Page for @carol not sent: a drill");

    await run.comment(number, "/resolve it was a rehearsal after all");
    // Only the close of the page sent before the drill; nothing for @carol.
    expect(og.requests.slice(before).map((request) => `${request.method} ${request.path}`)).toEqual([
      "POST /v2/alerts/INC-20260203-001/close",
    ]);
  });
});
