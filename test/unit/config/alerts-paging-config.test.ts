import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../../src/config/parse-config-text.js";

const FILE = ".github/incident.yml";

function problems(text: string): string[] {
  const result = parseConfigText(text, FILE);
  if (result.ok) return [];
  return result.error.problems.map((problem) => `${problem.path}: ${problem.message}`);
}

describe("alerts and paging in incident.yml", () => {
  it("are part of the config, with defaults that accept no alerts and page nobody", () => {
    const result = parseConfigText("", FILE);
    if (!result.ok) throw new Error("invalid");
    expect(result.config.alerts.sources).toEqual({});
    expect(result.config.alerts.triageBelow).toBe("SEV-3");
    expect(result.config.paging.service).toBe("none");
    expect(result.config.paging.severities["SEV-1"]).toEqual({ mode: "page", pageAfter: undefined });
  });

  it("takes a full setup", () => {
    const result = parseConfigText(
      [
        "alerts:",
        "  sources: { alertmanager: { secretFrom: AM_TOKEN } }",
        "  routes: [{ match: { service: search }, repository: acme/search, severity: SEV-2 }]",
        "paging:",
        "  service: pagerduty",
        "  pagerduty: { routingKeyFrom: PD_KEY, users: { PABC: '@alice' } }",
      ].join("\n"),
      FILE,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
    expect(result.config.alerts.routes[0]?.severity).toBe("SEV-2");
    expect(result.config.paging.pagerduty?.users).toEqual({ PABC: "alice" });
  });

  it("refuses severities that are not configured, naming where", () => {
    const found = problems(
      [
        "alerts:",
        "  routes: [{ match: { service: search }, repository: acme/search, severity: sev1 }]",
        "  triageBelow: SEV-9",
        "  severityFromLabel: { critical: P0 }",
        "paging:",
        "  service: pagerduty",
        "  pagerduty: { routingKeyFrom: PD_KEY }",
        "  severities: { SEV-7: page }",
      ].join("\n"),
    );
    expect(found.join("\n")).toMatch(/alerts\.routes\[0\]\.severity.*did you mean `SEV-1`/);
    expect(found.join("\n")).toMatch(/alerts\.triageBelow/);
    expect(found.join("\n")).toMatch(/alerts\.severityFromLabel\.critical.*did you mean `SEV-1`/);
    expect(found.join("\n")).toMatch(/paging\.severities\.SEV-7/);
  });

  it("says a pageAfter without notify means nothing, and that the service needs its settings", () => {
    const found = problems(
      ["paging:", "  service: opsgenie", "  severities: { SEV-1: { mode: page, pageAfter: 5m } }"].join("\n"),
    );
    expect(found.join("\n")).toMatch(/paging\.opsgenie: required when `service` is opsgenie/);
    const more = problems(
      [
        "paging:",
        "  service: opsgenie",
        "  opsgenie: { apiKeyFrom: OG_KEY }",
        "  severities: { SEV-1: { mode: page, pageAfter: 5m } }",
      ].join("\n"),
    );
    expect(more.join("\n")).toMatch(/paging\.severities\.SEV-1\.pageAfter: only means something/);
  });
});
