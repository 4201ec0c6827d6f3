import { afterEach, describe, expect, it, vi } from "vitest";
import { startSweepTimer } from "../../src/jobs/sweep-timer.js";
import { FORM_BODY } from "../support/history-builder.js";
import { type PagerDutyReceiver, startPagerDutyReceiver } from "../support/receivers/pagerduty-receiver.js";
import { sweepNow } from "../support/sweep-now.js";
import { ALERTS_YAML, type AlertsHarness, fixture, startAlertsHarness } from "./alerts-harness.js";

const PD_KEY = "R0UTINGKEYMADEFORTHISTEST0000000";
const PD_SECRET = "pd-webhook-secret-made-for-this-test";

/** Seed plans 001/002: the secondary after 5 minutes unacknowledged; SEV-2 notifies, then pages after 15. */
function config(url: string): string {
  return `${ALERTS_YAML.replace("  primary: [alice]\n", "  primary: [alice]\n  secondary: [carol]\n")}escalation:
  - { after: 5m, when: unacknowledged, notify: [secondary] }
paging:
  service: pagerduty
  pagerduty:
    routingKeyFrom: PD_KEY
    webhookSecretFrom: PD_SECRET
    baseUrl: ${url}
    users: { PCAROL: "@carol" }
`;
}

describe("pages that escalate (simulator + PagerDuty receiver + the sweep)", () => {
  let h: AlertsHarness;
  let pd: PagerDutyReceiver;
  afterEach(async () => {
    await h?.close();
    await pd?.close();
  });

  const sweep = () => sweepNow(h, "search");
  const comment = async (number: number, body: string) => {
    await h.sim
      .as("bob")
      .rest.issues.createComment({ owner: "acme", repo: "search", issue_number: number, body });
    await h.settle();
  };

  it("pages the secondary on a key of its own after 5 minutes unacknowledged; an ack there acknowledges every page", async () => {
    pd = await startPagerDutyReceiver();
    h = await startAlertsHarness(config(pd.url), { env: { PD_KEY, PD_SECRET } });
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    await h.alertmanager(fixture("alertmanager.firing"));
    h.clock.set(new Date("2026-02-03T14:27:00Z"));
    await sweep();
    expect(pd.events.map((e) => e.dedup_key)).toEqual(["INC-20260203-001"]);
    h.clock.set(new Date("2026-02-03T14:30:00Z"));
    await sweep();
    await sweep(); // once
    expect(pd.events.map((e) => [e.event_action, e.dedup_key])).toEqual([
      ["trigger", "INC-20260203-001"],
      ["trigger", "INC-20260203-001:escalation-1"],
    ]);
    expect(pd.events[1]?.payload).toMatchObject({ severity: "critical" });
    expect(pd.events[1]?.payload?.summary).toContain("(for @carol)");
    expect(await h.timeline(1)).toContain("Escalated automatically (level 1) to @carol");

    h.clock.set(new Date("2026-02-03T14:31:00Z"));
    const acked = await pd.sendWebhook({
      url: `${h.appUrl}/paging/pagerduty`,
      secrets: [PD_SECRET],
      eventType: "incident.acknowledged",
      dedupKey: "INC-20260203-001:escalation-1",
      agent: { id: "PCAROL", name: "Carol Example" },
    });
    expect(acked.status).toBe(200);
    await h.settle();
    expect(await h.timeline(1)).toContain("Acknowledged in the paging service by @carol");
    expect(pd.incidents.map((i) => [i.dedupKey, i.status])).toEqual([
      ["INC-20260203-001", "acknowledged"],
      ["INC-20260203-001:escalation-1", "acknowledged"],
    ]);
    await comment(1, "/resolve rolled back");
    expect(pd.incidents.map((i) => i.status)).toEqual(["resolved", "resolved"]);
  });

  it("a SEV-2 notification nobody acknowledges becomes a page after pageAfter (15 min)", async () => {
    pd = await startPagerDutyReceiver();
    const noEscalation = config(pd.url).replace(/escalation:\n.*\n/, "");
    h = await startAlertsHarness(noEscalation, { env: { PD_KEY, PD_SECRET } });
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    h.sim.fileIssueForm(
      "alice",
      { owner: "acme", name: "search" },
      { title: "Search returns no results", body: FORM_BODY, labels: ["incident"] },
    );
    await h.settle();
    expect(pd.events[0]?.payload?.severity).toBe("warning");
    h.clock.set(new Date("2026-02-03T14:37:00Z"));
    await sweep();
    expect(pd.events).toHaveLength(1);
    h.clock.set(new Date("2026-02-03T14:38:00Z"));
    await sweep();
    await sweep();
    expect(pd.events.map((e) => [e.dedup_key, e.payload?.severity])).toEqual([
      ["INC-20260203-001", "warning"],
      ["INC-20260203-001:page", "error"],
    ]);
    expect(await h.timeline(1)).toContain("Paged @alice: unacknowledged 15m after declaration");
  });

  it("a drill pages nobody; a false positive resolves its page", async () => {
    pd = await startPagerDutyReceiver();
    h = await startAlertsHarness(config(pd.url), { env: { PD_KEY, PD_SECRET } });
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const drill = h.sim.fileIssueForm(
      "alice",
      { owner: "acme", name: "search" },
      { title: "Game day: search outage", body: FORM_BODY, labels: ["incident", "drill"] },
    );
    await h.settle();
    await comment(drill, "/severity SEV-1 rehearsing the worst case");
    h.clock.set(new Date("2026-02-03T14:40:00Z"));
    await sweep();
    await comment(drill, "/resolve done");
    expect(pd.events).toEqual([]);

    h.clock.set(new Date("2026-02-03T15:00:00Z"));
    const answer = await h.alertmanager(fixture("alertmanager.firing"));
    expect(pd.events.map((e) => e.event_action)).toEqual(["trigger"]);
    await comment(answer.body.alerts[0]?.number ?? 0, "/false-positive the threshold was wrong");
    expect(pd.events.map((e) => [e.event_action, e.dedup_key])).toEqual([
      ["trigger", "INC-20260203-002"],
      ["resolve", "INC-20260203-002"],
    ]);
  });

  it("a drill label added after the page: nothing new is paged, the page already sent is still resolved", async () => {
    pd = await startPagerDutyReceiver();
    h = await startAlertsHarness(config(pd.url), { env: { PD_KEY, PD_SECRET } });
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    const answer = await h.alertmanager(fixture("alertmanager.firing"));
    const number = answer.body.alerts[0]?.number ?? 0;
    expect(pd.events.map((e) => e.event_action)).toEqual(["trigger"]);
    h.clock.set(new Date("2026-02-03T14:25:00Z"));
    await h.sim
      .as("bob")
      .rest.issues.addLabels({ owner: "acme", repo: "search", issue_number: number, labels: ["drill"] });
    await h.settle();
    // Unacknowledged past 5 minutes: the secondary would be paged, but not in a drill.
    h.clock.set(new Date("2026-02-03T14:35:00Z"));
    await sweep();
    expect(pd.events.map((e) => e.event_action)).toEqual(["trigger"]);
    await comment(number, "/resolve it was a rehearsal after all");
    expect(pd.events.map((e) => [e.event_action, e.dedup_key])).toEqual([
      ["trigger", "INC-20260203-001"],
      ["resolve", "INC-20260203-001"],
    ]);
  });

  it("the server's sweep queue gives its escalations the paging service and chat", async () => {
    pd = await startPagerDutyReceiver();
    h = await startAlertsHarness(config(pd.url), { env: { PD_KEY, PD_SECRET } });
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    await h.alertmanager(fixture("alertmanager.firing"));
    h.clock.set(new Date("2026-02-03T14:30:00Z"));
    const runs: number[] = [];
    const stop = startSweepTimer(h.probot, {
      intervalMs: 20,
      clock: () => h.clock.now(),
      onRun: (summary) => runs.push(summary.actions),
      outside: { chat: h.chat, publishFiles: h.publisher.publish, log: h.probot.log },
    });
    try {
      await vi.waitFor(() => expect(runs.length).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    } finally {
      stop();
    }
    await h.settle();
    expect(pd.events.map((e) => e.dedup_key)).toEqual(["INC-20260203-001", "INC-20260203-001:escalation-1"]);
  });
});
