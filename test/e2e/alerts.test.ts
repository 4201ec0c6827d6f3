import { afterEach, describe, expect, it } from "vitest";
import { type AlertsHarness, fixture, startAlertsHarness, TOKEN, writesOf } from "./alerts-harness.js";

describe("alerts in (simulator)", () => {
  let h: AlertsHarness;
  afterEach(async () => h?.close());

  it("declares an incident from an Alertmanager alert, started at the alert, detected at arrival", async () => {
    h = await startAlertsHarness();
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    const answer = await h.alertmanager(fixture("alertmanager.firing"));
    expect(answer.status).toBe(200);
    expect(answer.body.alerts[0]).toMatchObject({ kind: "declared", number: 1 });
    const [issue] = await h.issues();
    expect(issue?.title).toBe("[INC-20260203-001] Search zero-result rate above 40% for 5 minutes");
    expect(issue?.labels).toEqual(expect.arrayContaining(["incident", "SEV-1", "status: investigating"]));
    expect(issue?.body).toContain("incident-app:alert fingerprint=3c2d3ab5a4b4f0e1 source=alertmanager");
    const timeline = await h.timeline(1);
    expect(timeline).toContain("Declared **SEV-1**, status **investigating** (from an alert)");
    expect(timeline).toContain("| Impact started | 14:23 |");
    expect(timeline).toContain("| Detected | 14:24 | 1m to detect |");
  });

  it("counts repeats in one comment and one timeline entry, records the resolution, and stays one incident", async () => {
    h = await startAlertsHarness();
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    await h.alertmanager(fixture("alertmanager.firing"));
    for (const minute of ["14:28", "14:32", "14:36"]) {
      h.clock.set(new Date(`2026-02-03T${minute}:00Z`));
      const again = await h.alertmanager(fixture("alertmanager.firing"));
      expect(again.body.alerts[0]).toMatchObject({ kind: "counted", number: 1 });
    }
    const before = h.sim.appRequests().length;
    h.clock.set(new Date("2026-02-03T14:41:00Z"));
    const resolved = await h.alertmanager(fixture("alertmanager.resolved"));
    expect(resolved.body.alerts[0]).toMatchObject({ kind: "resolved", number: 1 });
    expect(writesOf(h.sim.appRequests().slice(before)).length).toBeLessThanOrEqual(2);
    // Alertmanager repeats resolved notifications too: the second changes nothing.
    const quiet = h.sim.appRequests().length;
    await h.alertmanager(fixture("alertmanager.resolved"));
    expect(writesOf(h.sim.appRequests().slice(quiet))).toEqual([]);

    expect(await h.issues()).toHaveLength(1);
    const records = (await h.appComments(1)).filter((body) => body.includes("incident-app:alert-record"));
    expect(records).toHaveLength(1);
    expect(records[0]).toContain("has fired 4 times; last at 2026-02-03 14:36 UTC");
    expect(records[0]).toContain("It resolved at 2026-02-03 14:40 UTC");
    const timeline = await h.timeline(1);
    expect(timeline.match(/fired 4 times in all/g)).toHaveLength(1);
    expect(timeline).toContain("Alert **Search zero-result rate above 40% for 5 minutes** resolved");
  });

  it("reopens an incident whose alert fires again within the flapping window, and declares anew after it", async () => {
    h = await startAlertsHarness();
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    await h.alertmanager(fixture("alertmanager.firing"));
    h.clock.set(new Date("2026-02-03T14:45:00Z"));
    await h.sim.as("bob").rest.issues.createComment({
      owner: "acme",
      repo: "search",
      issue_number: 1,
      body: "/resolve rolled back",
    });
    await h.settle();
    expect((await h.issues())[0]?.state).toBe("closed");
    h.clock.set(new Date("2026-02-03T14:55:00Z"));
    const reopened = await h.alertmanager(fixture("alertmanager.firing"));
    expect(reopened.body.alerts[0]).toMatchObject({ kind: "reopened", number: 1 });
    const [issue] = await h.issues();
    expect(issue?.state).toBe("open");
    expect(issue?.labels).toContain("status: investigating");
    expect(await h.timeline(1)).toContain("fired again 10 min after resolution");

    await h.sim
      .as("bob")
      .rest.issues.createComment({ owner: "acme", repo: "search", issue_number: 1, body: "/resolve again" });
    await h.settle();
    h.clock.set(new Date("2026-02-03T16:00:00Z"));
    const fresh = await h.alertmanager(fixture("alertmanager.firing"));
    expect(fresh.body.alerts[0]).toMatchObject({ kind: "declared" });
    const incidents = (await h.issues()).filter((issue) => issue.title.startsWith("[INC-"));
    expect(incidents.map((issue) => `${issue.number} ${issue.state} ${issue.title.slice(0, 18)}`)).toEqual([
      "1 closed [INC-20260203-001]",
      "3 open [INC-20260203-002]",
    ]);
  });

  it("takes Grafana (signed) and generic alerts", async () => {
    h = await startAlertsHarness();
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    const grafana = await h.grafana(fixture("grafana.firing"));
    expect(grafana.status).toBe(200);
    const generic = await h.generic(fixture("generic.firing"));
    expect(generic.status).toBe(200);
    // The Grafana fixture holds two alerts (two fingerprints); warnings wait in triage.
    expect(grafana.body.alerts).toHaveLength(2);
    const issues = await h.issues();
    expect(issues).toHaveLength(3);
    expect(issues.filter((issue) => issue.body.includes("source=grafana"))).toHaveLength(2);
    expect(issues.filter((issue) => issue.body.includes("source=generic"))).toHaveLength(1);
  });

  it("refuses bad requests with the right status and writes nothing", async () => {
    h = await startAlertsHarness();
    const body = fixture("alertmanager.firing");
    expect((await h.post("/alerts/alertmanager", body)).status).toBe(401);
    expect((await h.post("/alerts/alertmanager", body, { authorization: "Bearer wrong" })).status).toBe(401);
    const grafanaBad = await h.post("/alerts/grafana", fixture("grafana.firing"), {
      "x-grafana-alerting-signature": "0".repeat(64),
    });
    expect(grafanaBad.status).toBe(401);
    const auth = { authorization: `Bearer ${TOKEN}` };
    const malformed = await h.post("/alerts/alertmanager", "{not json", auth);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/malformed JSON/);
    const shape = await h.post(
      "/alerts/alertmanager",
      { ...body, alerts: [{ ...body.alerts[0], startsAt: "yesterday" }] },
      auth,
    );
    expect(shape.status).toBe(400);
    expect(shape.body.error).toContain("alerts[0].startsAt: expected an ISO 8601 time");
    const big = await h.post("/alerts/alertmanager", { ...body, padding: "x".repeat(1_100_000) }, auth);
    expect(big.status).toBe(413);
    const text = await fetch(`${h.appUrl}/alerts/alertmanager`, {
      method: "POST",
      headers: { ...auth, "content-type": "text/plain" },
      body: "x",
    });
    expect(text.status).toBe(415);
    expect((await h.post("/alerts/nagios", body, auth)).status).toBe(404);
    expect(await h.issues()).toEqual([]);
  });

  it("opens a triage issue for an alert no route matches, or answers 422 without a default repository", async () => {
    h = await startAlertsHarness();
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    const other = fixture("generic.firing");
    const answer = await h.generic({ ...other, service: "billing" });
    expect(answer.status).toBe(200);
    expect(answer.body.alerts[0]).toMatchObject({ kind: "triage" });
    const [issue] = await h.issues();
    expect(issue?.labels).toEqual(["incident: triage"]);
    expect(issue?.title).not.toMatch(/INC-/);
    await h.close();

    h = await startAlertsHarness(
      "alerts:\n  sources:\n    generic: { secretFrom: GENERIC_TOKEN }\n  routes:\n    - match: { service: search }\n      repository: acme/search\n",
    );
    const refused = await h.generic({ ...other, service: "billing" });
    expect(refused.status).toBe(422);
    expect(refused.body.refused[0]?.reason).toContain("no route matches service=billing");
    expect(await h.issues()).toEqual([]);
  });
});
