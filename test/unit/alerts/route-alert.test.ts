import { describe, expect, it } from "vitest";
import { alertsSchema } from "../../../src/config/alerts-schema.js";
import type { Alert } from "../../../src/features/alerts/alert.js";
import { routeAlert } from "../../../src/features/alerts/route-alert.js";

const SEVERITIES = ["SEV-1", "SEV-2", "SEV-3", "SEV-4"];

function alert(labels: Record<string, string>): Alert {
  return {
    source: "alertmanager",
    fingerprint: "f1",
    status: "firing",
    labels,
    title: "t",
    summary: "",
    startsAt: "2026-02-03T14:23:00.000Z",
    endsAt: null,
    links: [],
    generatorURL: null,
  };
}

const config = alertsSchema.parse({
  routes: [
    { match: { service: "search", env: "production" }, repository: "acme/search" },
    { match: { service: ["api", "gateway"] }, repository: "acme/api", severity: "SEV-2" },
    { match: { team: "data" }, repository: "acme/data", severity: "SEV-9" },
  ],
  defaultRepository: "acme/incidents",
});

describe("routeAlert", () => {
  it.each([
    [
      "the first matching route, severity from the label",
      { service: "search", env: "production", severity: "critical" },
      { kind: "declare", repository: "acme/search", severity: "SEV-1", routeIndex: 0 },
    ],
    [
      "a severity name given as the label",
      { service: "search", env: "production", severity: "sev-2" },
      { kind: "declare", repository: "acme/search", severity: "SEV-2", routeIndex: 0 },
    ],
    [
      "the route's severity over the label's",
      { service: "gateway", severity: "info" },
      { kind: "declare", repository: "acme/api", severity: "SEV-2", routeIndex: 1 },
    ],
  ])("declares with %s", (_name, labels, expected) => {
    expect(routeAlert(alert(labels), config, SEVERITIES)).toEqual(expected);
  });

  it("opens a triage issue below triageBelow (default SEV-3)", () => {
    const route = routeAlert(
      alert({ service: "search", env: "production", severity: "info" }),
      config,
      SEVERITIES,
    );
    expect(route).toEqual({
      kind: "triage",
      repository: "acme/search",
      severity: "SEV-4",
      routeIndex: 0,
      reason: "SEV-4 is less severe than SEV-3",
    });
  });

  it("falls back to the default severity, which is not below SEV-3", () => {
    const route = routeAlert(alert({ service: "search", env: "production" }), config, SEVERITIES);
    expect(route).toMatchObject({ kind: "declare", severity: "SEV-3" });
  });

  it("never triages when triageBelow is null", () => {
    const always = { ...config, triageBelow: null };
    const route = routeAlert(
      alert({ service: "api", severity: "info" }),
      { ...always, routes: [{ match: { service: "api" }, repository: "acme/api" }] },
      SEVERITIES,
    );
    expect(route).toMatchObject({ kind: "declare", severity: "SEV-4" });
  });

  it("sends an unmapped alert to triage in the default repository, saying why", () => {
    const route = routeAlert(
      alert({ alertname: "DiskFull", service: "billing", severity: "critical" }),
      config,
      SEVERITIES,
    );
    expect(route).toEqual({
      kind: "triage",
      repository: "acme/incidents",
      severity: "SEV-1",
      routeIndex: null,
      reason: "no route matches service=billing, severity=critical, alertname=DiskFull",
    });
  });

  it("refuses an unmapped alert when there is no default repository", () => {
    const { defaultRepository: _, ...noDefault } = config;
    expect(routeAlert(alert({ service: "billing" }), noDefault, SEVERITIES)).toEqual({
      kind: "reject-unmapped",
      reason: "no route matches service=billing, and no default repository is configured",
    });
  });

  it("triages a route whose severity is not configured instead of inventing one", () => {
    expect(routeAlert(alert({ team: "data" }), config, SEVERITIES)).toMatchObject({
      kind: "triage",
      repository: "acme/data",
      reason: "severity SEV-9 is not one of SEV-1, SEV-2, SEV-3, SEV-4",
    });
  });

  it("needs every label of a route to match", () => {
    expect(routeAlert(alert({ service: "search", env: "staging" }), config, SEVERITIES)).toMatchObject({
      kind: "triage",
      repository: "acme/incidents",
    });
  });
});
