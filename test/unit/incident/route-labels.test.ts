import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { routeLabels } from "../../../src/features/incident/route-labels.js";

describe("routeLabels", () => {
  const renamed = routeLabels(
    ConfigSchema.parse({
      labels: { incident: "outage", triage: "outage: triage", statusPrefix: "state/", freeze: "frozen" },
      severities: [{ name: "P1" }, { name: "P2" }],
      statuses: ["open", "fixed"],
      mitigatedStatus: "fixed",
    }),
  );

  it("knows the renamed incident, triage and freeze labels as marking an incident", () => {
    expect(["Outage", "outage: triage", "frozen"].map(renamed.marksIncident)).toEqual([true, true, true]);
    expect(renamed.marksIncident("incident")).toBe(false);
  });

  it("owns the renamed severity and status labels, and nothing else", () => {
    expect(["P1", "p2", "state/open", "state/fixed"].map(renamed.isOurs)).toEqual([true, true, true, true]);
    expect(["SEV-1", "status: open", "bug"].map(renamed.isOurs)).toEqual([false, false, false]);
  });

  it("keeps the defaults' names", () => {
    const defaults = routeLabels(ConfigSchema.parse({}));
    expect(["incident", "incident: triage", "SEV-3", "status: resolved"].map(defaults.isOurs)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });
});
