import { afterEach, describe, expect, it } from "vitest";
import { FORM_BODY } from "../support/history-builder.js";
import { ALERTS_YAML, fixture } from "./alerts-harness.js";
import { pagingRun } from "./paging-run.js";

const PD_KEY = "R0UTINGKEYMADEFORTHISTEST0000000";
const PD_SECRET = "pd-webhook-secret-made-for-this-test";
const OG_KEY = "og-key-made-for-this-test";

function pagerDutyConfig(url: string): string {
  return `${ALERTS_YAML}paging:
  service: pagerduty
  pagerduty:
    routingKeyFrom: PD_KEY
    webhookSecretFrom: PD_SECRET
    baseUrl: ${url}
    users: { PALICE: "@alice" }
`;
}

describe("pages out (simulator + PagerDuty and Opsgenie receivers)", () => {
  const run = pagingRun();
  afterEach(() => run.close());

  it("PagerDuty: pages on declaration, takes the acknowledgement made there, resolves from GitHub", async () => {
    const pd = await run.pagerDuty();
    const h = await run.harness(pagerDutyConfig(pd.url), { env: { PD_KEY, PD_SECRET } });
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    await h.alertmanager(fixture("alertmanager.firing"));
    expect(pd.events).toHaveLength(1);
    expect(pd.events[0]).toMatchObject({
      routing_key: PD_KEY,
      event_action: "trigger",
      dedup_key: "INC-20260203-001",
      payload: { severity: "critical", class: "SEV-1", component: "search", group: "acme/search" },
    });
    // Repeats of the alert page nobody again.
    await h.alertmanager(fixture("alertmanager.firing"));
    expect(pd.events).toHaveLength(1);

    h.clock.set(new Date("2026-02-03T14:26:00Z"));
    const url = `${h.appUrl}/paging/pagerduty`;
    const forged = await pd.sendWebhook({
      url,
      secrets: ["not-the-secret"],
      eventType: "incident.acknowledged",
      dedupKey: "INC-20260203-001",
      agent: { id: "PALICE", name: "Alice Example" },
    });
    expect(forged.status).toBe(401);
    const acked = await pd.sendWebhook({
      url,
      secrets: [PD_SECRET],
      eventType: "incident.acknowledged",
      dedupKey: "INC-20260203-001",
      agent: { id: "PALICE", name: "Alice Example" },
    });
    expect(acked.status).toBe(200);
    await h.settle();
    const timeline = await h.timeline(1);
    expect(timeline).toContain("Acknowledged in the paging service by @alice");
    expect(timeline).toContain("| Acknowledged | 14:26 |");
    // Not echoed back to PagerDuty.
    expect(pd.events.map((event) => event.event_action)).toEqual(["trigger"]);

    h.clock.set(new Date("2026-02-03T14:40:00Z"));
    await run.comment(1, "/resolve rolled back");
    expect(pd.events.map((event) => event.event_action)).toEqual(["trigger", "resolve"]);
    expect(pd.incidents[0]?.status).toBe("resolved");
  });

  it("PagerDuty: an unmapped person is named, never guessed; a page that cannot be delivered is said once", async () => {
    const pd = await run.pagerDuty();
    const h = await run.harness(pagerDutyConfig(pd.url), { env: { PD_KEY, PD_SECRET } });
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    await h.alertmanager(fixture("alertmanager.firing"));
    await pd.sendWebhook({
      url: `${h.appUrl}/paging/pagerduty`,
      secrets: [PD_SECRET],
      eventType: "incident.acknowledged",
      dedupKey: "INC-20260203-001",
      agent: { id: "PCAROL", name: "Carol Example" },
    });
    await h.settle();
    expect(await h.timeline(1)).toContain("Acknowledged in the paging service by Carol Example (PagerDuty)");

    pd.failNext(100, { status: 500, body: { status: "error", message: "Internal error" } });
    await run.comment(1, "/resolve");
    await run.comment(1, "/reopen");
    await run.comment(1, "/resolve");
    const said = (await h.appComments(1)).filter((body) => body.includes("page-failed:resolve"));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(
      "PagerDuty did not take the resolve for INC-20260203-001 after 4 attempts: HTTP 500: Internal error.",
    );
  });

  it("Opsgenie: a SEV-2 from the form notifies (P3), /ack acknowledges, /resolve closes", async () => {
    const og = await run.opsgenie(OG_KEY);
    const config = `onCall:\n  primary: [alice]\npaging:\n  service: opsgenie\n  opsgenie:\n    apiKeyFrom: OG_KEY\n    baseUrl: ${og.url}\n    responders: [{ type: team, name: search-oncall }]\n`;
    const h = await run.harness(config, { env: { OG_KEY } });
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    const number = h.sim.fileIssueForm(
      "alice",
      { owner: "acme", name: "search" },
      { title: "Search returns no results", body: FORM_BODY, labels: ["incident"] },
    );
    await h.settle();
    expect(og.alerts).toHaveLength(1);
    expect(og.alerts[0]).toMatchObject({ alias: "INC-20260203-001", priority: "P3", status: "open" });
    await run.comment(number, "/ack");
    expect(og.alerts[0]?.acknowledged).toBe(true);
    await run.comment(number, "/resolve");
    expect(og.alerts[0]?.status).toBe("closed");
  });

  it("Opsgenie: an acknowledgement and a close made there come back through its Webhook integration", async () => {
    const og = await run.opsgenie(OG_KEY);
    const token = "og-webhook-token-made-for-this-test";
    const config = `${ALERTS_YAML}paging:\n  service: opsgenie\n  opsgenie:\n    apiKeyFrom: OG_KEY\n    webhookTokenFrom: OG_TOKEN\n    baseUrl: ${og.url}\n    users: { "alice@example.com": "@alice" }\n`;
    const h = await run.harness(config, { env: { OG_KEY, OG_TOKEN: token } });
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    await h.alertmanager(fixture("alertmanager.firing"));
    expect(og.alerts[0]).toMatchObject({ alias: "INC-20260203-001", priority: "P1" });
    const url = `${h.appUrl}/paging/opsgenie`;
    const back = (action: "Acknowledge" | "Close", username: string, authorization = `Bearer ${token}`) =>
      og?.sendWebhook({ url, headers: { authorization }, action, alias: "INC-20260203-001", username });
    const forged = await back("Acknowledge", "alice@example.com", "Bearer not-the-token");
    expect(forged?.status).toBe(401);
    h.clock.set(new Date("2026-02-03T14:26:00Z"));
    const acked = await back("Acknowledge", "alice@example.com");
    expect(acked?.status).toBe(200);
    await h.settle();
    expect(await h.timeline(1)).toContain("Acknowledged in the paging service by @alice");
    h.clock.set(new Date("2026-02-03T14:40:00Z"));
    await back("Close", "dan@example.com");
    await h.settle();
    expect(await h.timeline(1)).toContain("Resolved in the paging service by dan@example.com (Opsgenie)");
    const { data: issue } = await h.sim
      .as("alice")
      .rest.issues.get({ owner: "acme", repo: "search", issue_number: 1 });
    expect(issue.state).toBe("closed");
  });
});
