import { afterEach, describe, expect, it } from "vitest";
import { type PagerDutyReceiver, startPagerDutyReceiver } from "../support/receivers/pagerduty-receiver.js";
import { ALERTS_YAML, type AlertsHarness, fixture, startAlertsHarness } from "./alerts-harness.js";

const PD_KEY = "R0UTINGKEYMADEFORTHISTEST0000000";
const PD_CHECKOUT = "CHECKOUTR0UTINGKEYFORTHISTEST000";

function config(url: string): string {
  return `${ALERTS_YAML}paging:
  service: pagerduty
  pagerduty:
    routingKeyFrom: PD_KEY
    baseUrl: ${url}
    users: { PALICE: "@alice", PCAROL: "@carol" }
    services: { checkout: PD_CHECKOUT }
`;
}

describe("/page (simulator + PagerDuty receiver)", () => {
  let h: AlertsHarness;
  let pd: PagerDutyReceiver | undefined;
  afterEach(async () => {
    await h?.close();
    await pd?.close();
    pd = undefined;
  });

  const comment = async (body: string) => {
    const { data } = await h.sim
      .as("bob")
      .rest.issues.createComment({ owner: "acme", repo: "search", issue_number: 1, body });
    await h.settle();
    return data.id;
  };

  it("pages a person, the on-call role or a service, each a page of its own, and says whom it could not", async () => {
    pd = await startPagerDutyReceiver();
    h = await startAlertsHarness(config(pd.url), { env: { PD_KEY, PD_CHECKOUT } });
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    await h.alertmanager(fixture("alertmanager.firing"));
    h.clock.set(new Date("2026-02-03T14:30:00Z"));
    const first = await comment("/page @carol need database help");
    const second = await comment("/page primary\n/page checkout payments look fine?");
    await comment("/page @dan\n/page billing\n/page");

    expect(pd.events.map((e) => [e.routing_key, e.event_action, e.dedup_key])).toEqual([
      [PD_KEY, "trigger", "INC-20260203-001"],
      [PD_KEY, "trigger", `INC-20260203-001:page-${first}-carol`],
      [PD_KEY, "trigger", `INC-20260203-001:page-${second}-alice`],
      [PD_CHECKOUT, "trigger", `INC-20260203-001:page-${second}-service-checkout`],
    ]);
    expect(pd.events[1]?.payload).toMatchObject({ severity: "critical" });
    expect(pd.events[1]?.payload?.summary).toContain("(for @carol)");
    expect(pd.events[1]?.payload?.custom_details?.summary).toBe("need database help");
    const timeline = await h.timeline(1);
    expect(timeline).toContain("Paged @carol");
    expect(timeline).toContain("Paged @alice (primary)");
    expect(timeline).toContain("Paged `checkout`");
    const said = (await h.appComments(1)).join("\n");
    expect(said).toContain("📟 Paging @carol through PagerDuty now (high urgency).");
    expect(said).toContain("📟 Paging the checkout service through PagerDuty now");
    expect(said).toContain("@dan is not under `paging.pagerduty.users`");
    expect(said).toContain(
      "`billing` is not a service under `paging.pagerduty.services` (known: `checkout`)",
    );
    expect(said).toContain("`/page` needs its target: `@alice`, `primary`");

    // Resolving resolves every page, each with its own service's key.
    await comment("/resolve");
    expect(pd.incidents.map((i) => i.status)).toEqual(["resolved", "resolved", "resolved", "resolved"]);
  });

  it("says so when no paging service is set up", async () => {
    h = await startAlertsHarness();
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    await h.alertmanager(fixture("alertmanager.firing"));
    await comment("/page @carol");
    const said = (await h.appComments(1)).join("\n");
    expect(said).toContain("Nobody was paged: no paging service is set up");
    expect(await h.timeline(1)).not.toContain("Paged @carol");
  });
});
