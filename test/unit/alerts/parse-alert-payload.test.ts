import { describe, expect, it } from "vitest";
import { parseAlertPayload } from "../../../src/features/alerts/parse-alert-payload.js";
import { describeProblems } from "../../../src/features/alerts/payload-problem.js";
import { loadAlertFixture } from "./load-fixture.js";

function alertsOf(result: ReturnType<typeof parseAlertPayload>) {
  if (!result.ok) throw new Error(describeProblems(result.problems));
  return result.alerts;
}

function problemsOf(result: ReturnType<typeof parseAlertPayload>): string {
  if (result.ok) throw new Error("expected problems");
  return describeProblems(result.problems);
}

describe("Alertmanager webhook (version 4)", () => {
  it("normalises a firing alert: nanoseconds cut, Go's zero end time is no end", () => {
    const [alert, ...rest] = alertsOf(
      parseAlertPayload("alertmanager", loadAlertFixture("alertmanager.firing")),
    );
    expect(rest).toHaveLength(0);
    expect(alert).toEqual({
      source: "alertmanager",
      fingerprint: "3c2d3ab5a4b4f0e1",
      status: "firing",
      labels: {
        alertname: "SearchZeroResultRateHigh",
        service: "search",
        severity: "critical",
        env: "production",
      },
      title: "Search zero-result rate above 40% for 5 minutes",
      summary: "42% of searches returned no results (normal: under 3%).",
      startsAt: "2026-02-03T14:23:07.123Z",
      endsAt: null,
      links: [
        {
          href: "http://prometheus.example.com:9090/graph?g0.expr=search_zero_result_ratio+%3E+0.4&g0.tab=1",
          text: "Source",
        },
        { href: "https://runbooks.example.com/search/zero-results", text: "Runbook" },
      ],
      generatorURL:
        "http://prometheus.example.com:9090/graph?g0.expr=search_zero_result_ratio+%3E+0.4&g0.tab=1",
    });
  });

  it("reads the end time of a resolved alert", () => {
    const [alert] = alertsOf(parseAlertPayload("alertmanager", loadAlertFixture("alertmanager.resolved")));
    expect(alert?.status).toBe("resolved");
    expect(alert?.endsAt).toBe("2026-02-03T14:40:07.500Z");
  });

  it("keeps each alert of a group, with its own status, offset times in UTC, and the truncated count", () => {
    const result = parseAlertPayload("alertmanager", loadAlertFixture("alertmanager.grouped"));
    const alerts = alertsOf(result);
    expect(alerts.map((alert) => [alert.fingerprint, alert.status, alert.startsAt])).toEqual([
      ["a1b2c3d4e5f60001", "firing", "2026-02-03T09:00:00.000Z"],
      ["a1b2c3d4e5f60002", "firing", "2026-02-03T08:00:30.000Z"],
      ["a1b2c3d4e5f60003", "resolved", "2026-02-03T08:50:00.000Z"],
    ]);
    expect(alerts[2]?.title).toBe("InstanceDown");
    expect(alerts[2]?.generatorURL).toBeNull();
    expect(result.ok && result.truncatedAlerts).toBe(2);
  });

  it("names the offending field", () => {
    const body = loadAlertFixture("alertmanager.firing");
    const [first] = body.alerts as Record<string, unknown>[];
    first!.startsAt = "yesterday";
    delete first!.fingerprint;
    expect(problemsOf(parseAlertPayload("alertmanager", body))).toBe(
      "alerts[0].startsAt: expected an ISO 8601 time such as 2026-02-03T14:23:00Z\nalerts[0].fingerprint: required",
    );
  });

  it("refuses other webhook versions and non-objects", () => {
    const body = { ...loadAlertFixture("alertmanager.firing"), version: "3" };
    expect(problemsOf(parseAlertPayload("alertmanager", body))).toMatch(/^version: expected "4"/);
    expect(problemsOf(parseAlertPayload("alertmanager", [1]))).toBe("expected a JSON object");
    expect(problemsOf(parseAlertPayload("alertmanager", { ...body, version: "4", alerts: [] }))).toBe(
      "alerts: must not be empty",
    );
  });

  it("ignores fields newer Alertmanager releases may add", () => {
    const body = { ...loadAlertFixture("alertmanager.firing"), somethingNew: true };
    expect(alertsOf(parseAlertPayload("alertmanager", body))).toHaveLength(1);
  });
});

describe("Grafana alerting webhook", () => {
  it("normalises each alert with Grafana's links, skipping empty ones", () => {
    const alerts = alertsOf(parseAlertPayload("grafana", loadAlertFixture("grafana.firing")));
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toMatchObject({
      source: "grafana",
      fingerprint: "c6eadffa33fcdf37",
      title: "This alert was triggered for zone us-1",
      summary: "The system has high memory usage",
      startsAt: "2021-10-12T07:51:03.157Z",
      endsAt: null,
    });
    expect(alerts[0]?.links.map((link) => link.text)).toEqual(["Source", "Runbook", "Silence"]);
    expect(alerts[1]?.links.map((link) => link.text)).toEqual([
      "Source",
      "Runbook",
      "Dashboard",
      "Panel",
      "Silence",
    ]);
  });

  it("uses the contact point's message for a lone alert without a description", () => {
    const [alert] = alertsOf(parseAlertPayload("grafana", loadAlertFixture("grafana.resolved")));
    expect(alert).toMatchObject({
      status: "resolved",
      title: "Checkout latency",
      endsAt: "2026-02-03T10:25:00.000Z",
    });
    expect(alert?.summary).toMatch(/^\*\*Resolved\*\*/);
  });

  it("does not need the fields Grafana says it will deprecate", () => {
    const { title: _t, state: _s, message: _m, ...body } = loadAlertFixture("grafana.firing");
    expect(alertsOf(parseAlertPayload("grafana", body))).toHaveLength(2);
  });

  it("names a bad label value", () => {
    const body = loadAlertFixture("grafana.firing");
    (body.alerts as { labels: Record<string, unknown> }[])[1]!.labels.zone = 3;
    expect(problemsOf(parseAlertPayload("grafana", body))).toBe(
      "alerts[1].labels.zone: expected a string value",
    );
  });
});

describe("generic JSON", () => {
  it("turns service and severity into labels and keeps the links", () => {
    const [alert] = alertsOf(parseAlertPayload("generic", loadAlertFixture("generic.firing")));
    expect(alert).toEqual({
      source: "generic",
      fingerprint: "healthcheck-api-production",
      status: "firing",
      labels: { service: "api", severity: "critical" },
      title: "Health check failing: https://api.example.com/health",
      summary: "3 of 3 regions report HTTP 503 from /health.",
      startsAt: "2026-02-03T14:20:00.000Z",
      endsAt: null,
      links: [
        { href: "https://status.example.com/checks/api", text: "Health check" },
        { href: "https://vercel.com/acme/api/deployments", text: "https://vercel.com/acme/api/deployments" },
      ],
      generatorURL: null,
    });
  });

  it("reads a resolution", () => {
    const [alert] = alertsOf(parseAlertPayload("generic", loadAlertFixture("generic.resolved")));
    expect(alert).toMatchObject({ status: "resolved", endsAt: "2026-02-03T14:52:00.000Z" });
  });

  it("is strict: unknown fields and wrong types are named", () => {
    const body = {
      ...loadAlertFixture("generic.firing"),
      serverity: "high",
      status: "open",
      links: [{ url: "x" }],
    };
    expect(problemsOf(parseAlertPayload("generic", body))).toBe(
      [
        "status: expected `firing` or `resolved`",
        "links[0].href: required",
        "links[0].url: unknown field",
        "serverity: unknown field",
      ].join("\n"),
    );
  });
});
