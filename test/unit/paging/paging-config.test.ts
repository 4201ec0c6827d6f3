import { describe, expect, it } from "vitest";
import { pagingSchema } from "../../../src/config/paging-schema.js";

describe("paging config", () => {
  it("defaults to seed plan 002 and sends nothing until a service is chosen", () => {
    expect(pagingSchema.parse(undefined)).toEqual({
      service: "none",
      severities: {
        "SEV-1": { mode: "page" },
        "SEV-2": { mode: "notify", pageAfter: 15 * 60_000 },
        "SEV-3": { mode: "notify" },
        "SEV-4": { mode: "none" },
      },
      attempts: 4,
      maxDelay: 30_000,
    });
  });

  it("reads a PagerDuty setup with its user map", () => {
    const config = pagingSchema.parse({
      service: "pagerduty",
      severities: { "SEV-1": "page", "SEV-2": "page", "SEV-3": { mode: "notify", pageAfter: "1h" } },
      pagerduty: { routingKeyFrom: "PAGERDUTY_ROUTING_KEY", users: { PABC123: "@alice" } },
    });
    expect(config.pagerduty).toEqual({
      routingKeyFrom: "PAGERDUTY_ROUTING_KEY",
      baseUrl: "https://events.pagerduty.com",
      users: { PABC123: "alice" },
      services: {},
    });
    expect(config.severities["SEV-3"]).toEqual({ mode: "notify", pageAfter: 3_600_000 });
  });

  it("requires the chosen service's block and refuses keys pasted into the file", () => {
    const result = pagingSchema.safeParse({
      service: "opsgenie",
      pagerduty: { routingKeyFrom: "R+0123456789abcdef" },
    });
    expect(result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)).toEqual([
      "pagerduty.routingKeyFrom: expected the name of an environment variable (e.g. PAGERDUTY_ROUTING_KEY), never the key itself",
      "opsgenie: required when `service` is opsgenie",
    ]);
    const missing = pagingSchema.safeParse({ service: "opsgenie" });
    expect(missing.error?.issues[0]).toMatchObject({
      path: ["opsgenie"],
      message: "required when `service` is opsgenie",
    });
  });
});
