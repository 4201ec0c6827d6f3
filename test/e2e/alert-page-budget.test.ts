import { afterEach, describe, expect, it } from "vitest";
import { type PagerDutyReceiver, startPagerDutyReceiver } from "../support/receivers/pagerduty-receiver.js";
import { ALERTS_YAML, type AlertsHarness, fixture, startAlertsHarness, writesOf } from "./alerts-harness.js";

const PD_KEY = "R0UTINGKEYMADEFORTHISTEST0000000";
const PD_SECRET = "pd-webhook-secret-made-for-this-test";

/** What one alert and one page cost: GitHub requests (the simulator's log) and paging requests. */
describe("the budget of an alert and a page (simulator + PagerDuty receiver)", () => {
  let h: AlertsHarness;
  let pd: PagerDutyReceiver;
  afterEach(async () => {
    await h?.close();
    await pd?.close();
  });

  it("counts requests per alert (new, repeat, resolve) and per page (trigger, ack back, resolve)", async () => {
    pd = await startPagerDutyReceiver();
    const config = `${ALERTS_YAML}paging:\n  service: pagerduty\n  pagerduty:\n    routingKeyFrom: PD_KEY\n    webhookSecretFrom: PD_SECRET\n    baseUrl: ${pd.url}\n    users: { PALICE: "@alice" }\n`;
    h = await startAlertsHarness(config, { env: { PD_KEY, PD_SECRET } });
    const cost = async (at: string, run: () => Promise<unknown>) => {
      h.clock.set(new Date(`2026-02-03T${at}:00Z`));
      const before = h.sim.appRequests().length;
      const events = pd.events.length;
      await run();
      await h.settle();
      const made = h.sim.appRequests().slice(before);
      return { requests: made.length, writes: writesOf(made).length, paging: pd.events.length - events };
    };
    const fresh = await cost("14:24", () => h.alertmanager(fixture("alertmanager.firing")));
    const repeat = await cost("14:28", () => h.alertmanager(fixture("alertmanager.firing")));
    const resolved = await cost("14:41", () => h.alertmanager(fixture("alertmanager.resolved")));
    const again = await cost("14:42", () => h.alertmanager(fixture("alertmanager.resolved")));
    const ackBack = await cost("14:43", () =>
      pd.sendWebhook({
        url: `${h.appUrl}/paging/pagerduty`,
        secrets: [PD_SECRET],
        eventType: "incident.acknowledged",
        dedupKey: "INC-20260203-001",
        agent: { id: "PALICE", name: "Alice Example" },
      }),
    );
    const resolve = await cost("14:44", () =>
      h.sim
        .as("bob")
        .rest.issues.createComment({ owner: "acme", repo: "search", issue_number: 1, body: "/resolve" }),
    );
    const line = (name: string, c: { requests: number; writes: number; paging: number }) =>
      `${name}: ${c.requests} GitHub requests (${c.writes} writes), ${c.paging} to PagerDuty`;
    console.log(
      [
        line("new alert (declares, pages)", fresh),
        line("repeat", repeat),
        line("resolved alert", resolved),
        line("resolved again", again),
        line("ack back from PagerDuty", ackBack),
        line("/resolve (resolves the page)", resolve),
      ].join("\n"),
    );
    expect(fresh.paging).toBe(1);
    expect(repeat.paging).toBe(0);
    expect(repeat.writes).toBeLessThanOrEqual(2);
    expect(resolved.writes).toBeLessThanOrEqual(2);
    expect(again.writes).toBe(0);
    expect(ackBack.paging).toBe(0);
    expect(resolve.paging).toBe(1);
    // Budgets that keep a storm cheap: a repeat reads little and writes one record and the timeline.
    expect(repeat.requests).toBeLessThanOrEqual(6);
    expect(fresh.requests).toBeLessThanOrEqual(12);
  });
});
