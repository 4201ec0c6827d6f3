import { afterEach, describe, expect, it } from "vitest";
import { contentCreated } from "../support/content-created.js";
import { ALERTS_YAML, type AlertsHarness, fixture, startAlertsHarness } from "./alerts-harness.js";

/**
 * The alerts' content budget at its smallest (§14): 10 content-creating requests a
 * minute and an hour. Beyond it a repeat is counted in its issue's body (an edit), a
 * new fingerprint joins the storm incident, and when not even the storm incident can
 * be opened the sender is told to send again later (503 with Retry-After): folded or
 * deferred, never dropped.
 */
const CONFIG = `${ALERTS_YAML}  storm: { contentPerMinute: 10, contentPerHour: 10 }\n`;

describe("alerts beyond the content budget (simulator)", () => {
  let h: AlertsHarness;
  afterEach(async () => h?.close());

  it("counts repeats in the issue's body, groups new alerts into the storm, and defers what cannot be written", async () => {
    h = await startAlertsHarness(CONFIG);
    const start = h.sim.appRequests().length;
    const firing = fixture("alertmanager.firing");
    const withFingerprint = (fingerprint: string, title: string) => ({
      ...firing,
      alerts: firing.alerts.map((alert) => ({
        ...alert,
        fingerprint,
        labels: { ...(alert.labels as object), alertname: title },
      })),
    });
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    expect((await h.alertmanager(firing)).body.alerts[0]).toMatchObject({ kind: "declared", number: 1 });
    const comments = (await h.appComments(1)).length;

    // Incidents of their own may spend 10 less the storm's reserve: no room for a record comment.
    for (const minute of ["14:26", "14:28"]) {
      h.clock.set(new Date(`2026-02-03T${minute}:00Z`));
      expect((await h.alertmanager(firing)).body.alerts[0]).toMatchObject({ kind: "counted", number: 1 });
    }
    expect(await h.appComments(1)).toHaveLength(comments);
    const [incident] = await h.issues();
    expect(incident?.body).toMatch(/<!-- incident-app:alert-record .*firings=3 /);
    expect(await h.timeline(1)).toContain("fired 3 times in all");
    h.clock.set(new Date("2026-02-03T14:41:00Z"));
    expect((await h.alertmanager(fixture("alertmanager.resolved"))).body.alerts[0]).toMatchObject({
      kind: "resolved",
    });
    expect(await h.appComments(1)).toHaveLength(comments);
    expect((await h.issues())[0]?.body).toMatch(/alert-record .*resolved=2026-02-03T14:40/);
    expect(await h.timeline(1)).toContain(
      "Alert **Search zero-result rate above 40% for 5 minutes** resolved",
    );

    // A new fingerprint: no room for an incident of its own, so the storm incident opens (the reserve).
    h.clock.set(new Date("2026-02-03T14:42:00Z"));
    const storm = await h.alertmanager(withFingerprint("fp-second", "SecondAlert"));
    expect(storm.body.alerts[0]).toMatchObject({ kind: "storm", number: 2 });
    const joined = await h.alertmanager(withFingerprint("fp-third", "ThirdAlert"));
    expect(joined.body.alerts[0]).toMatchObject({ kind: "counted", number: 2 });

    // What the alerts created: within the hour's 10.
    expect(contentCreated(h.sim.appRequests().slice(start))).toBeLessThanOrEqual(10);

    // The storm incident resolved, the hour spent: not even a new storm incident fits.
    await h.sim.as("bob").rest.issues.createComment({
      owner: "acme",
      repo: "search",
      issue_number: 2,
      body: "/resolve the storm passed",
    });
    await h.settle();
    const spent = h.sim.appRequests().length;
    h.clock.set(new Date("2026-02-03T14:50:00Z"));
    const deferred = await h.post("/alerts/alertmanager", withFingerprint("fp-fourth", "FourthAlert"), {
      authorization: "Bearer am-token-made-for-this-test",
    });
    expect(deferred.status).toBe(503);
    expect(deferred.body.error).toContain("send again after retryAfter seconds");
    expect(deferred.body.alerts[0]).toMatchObject({ kind: "deferred" });
    const retryAfter = (deferred.body as unknown as { retryAfter: number }).retryAfter;
    // Room comes back when the first declaration (14:24) leaves the hour.
    expect(retryAfter).toBe(34 * 60);
    expect(contentCreated(h.sim.appRequests().slice(spent))).toBe(0);

    // Sent again when told: handled.
    h.clock.set(new Date(Date.parse("2026-02-03T14:50:00Z") + retryAfter * 1000));
    const again = await h.alertmanager(withFingerprint("fp-fourth", "FourthAlert"));
    expect(again.status).toBe(200);
    expect(again.body.alerts[0]?.kind).toMatch(/declared|storm/);
  });
});
