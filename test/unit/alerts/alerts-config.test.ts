import { describe, expect, it } from "vitest";
import { alertsSchema } from "../../../src/config/alerts-schema.js";

describe("alerts config", () => {
  it("is complete when empty: no sources, no routes, triage below SEV-3, 30 min flapping window", () => {
    expect(alertsSchema.parse(undefined)).toMatchObject({
      sources: {},
      routes: [],
      defaultSeverity: "SEV-3",
      triageBelow: "SEV-3",
      flappingWindow: 30 * 60_000,
      resolvedMarksMitigated: false,
    });
  });

  it("reads sources with their secrets by variable name and per-source defaults", () => {
    const config = alertsSchema.parse({
      sources: {
        alertmanager: { secretFrom: "ALERTMANAGER_TOKEN" },
        grafana: {
          auth: "hmac-sha256",
          secretFrom: "GRAFANA_SECRET",
          timestampHeader: "X-Grafana-Timestamp",
        },
        generic: { secretFrom: "ALERT_TOKEN" },
      },
    });
    expect(config.sources).toEqual({
      alertmanager: { auth: "bearer", secretFrom: "ALERTMANAGER_TOKEN" },
      grafana: {
        auth: "hmac-sha256",
        secretFrom: "GRAFANA_SECRET",
        header: "X-Grafana-Alerting-Signature",
        timestampHeader: "X-Grafana-Timestamp",
      },
      generic: { auth: "bearer", secretFrom: "ALERT_TOKEN", header: "X-Alert-Signature-256" },
    });
  });

  it("names what is wrong", () => {
    const result = alertsSchema.safeParse({
      sources: { alertmanager: { auth: "hmac-sha256", secretFrom: "s3cr3t value" } },
      routes: [{ match: {}, repository: "incidents" }],
      flappingWindow: "soon",
    });
    const paths = result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(paths).toEqual([
      'sources.alertmanager.auth: Invalid input: expected "bearer"',
      "sources.alertmanager.secretFrom: expected the name of an environment variable (e.g. ALERTMANAGER_TOKEN), never the secret itself",
      "routes.0.match: expected at least one label to match",
      "routes.0.repository: expected a repository as `owner/name`, e.g. `acme/incidents`",
      "flappingWindow: expected a duration such as 5m, 1h, 2d or 1w",
    ]);
  });
});
