import { describe, expect, it } from "vitest";
import { SEED_SERVICES, SEED_SEVERITIES, seedIncidents } from "../../../scripts/demo/history/seed-history.js";
import { seedIssueHistories } from "../../../scripts/demo/history/seed-issue-history.js";
import { ConfigSchema } from "../../../src/config/schema.js";
import { incidentRecord } from "../../../src/features/report/incident-record.js";
import { computeReport } from "../../../src/features/report/metrics.js";
import { monthsBefore } from "../../../src/features/report/report-window.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";

const before = new Date("2026-07-01T00:00:00Z");
const config = ConfigSchema.parse({});
const ctx = { config, botLogin: "incident-app[bot]", formTemplate: readFormTemplate() };
const seeds = seedIncidents({ before });
const records = seedIssueHistories(seeds, { nameWithOwner: "acme/shop", botLogin: ctx.botLogin }).map(
  (history) => incidentRecord(history, ctx),
);

describe("seedIncidents", () => {
  it("is deterministic: the same seed gives the same incidents, another seed others", () => {
    expect(seedIncidents({ before })).toEqual(seeds);
    expect(seedIncidents({ before, seed: 7 })).not.toEqual(seeds);
  });

  it("spreads 60 incidents over the six months before the date, every step before it", () => {
    expect(seeds).toHaveLength(60);
    const from = new Date("2026-01-01T00:00:00Z").getTime();
    for (const seed of seeds) {
      expect(seed.createdAt.getTime()).toBeGreaterThanOrEqual(from);
      for (const step of seed.steps) {
        expect(step.at.getTime()).toBeGreaterThan(seed.createdAt.getTime());
        expect(step.at.getTime()).toBeLessThan(before.getTime());
      }
    }
    const created = seeds.map((seed) => seed.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(seeds.map((seed) => seed.index)).toEqual(seeds.map((_, i) => i + 1));
  });

  it("covers every severity and service, and the situations a report must handle", () => {
    expect(new Set(seeds.map((seed) => seed.severity))).toEqual(new Set(SEED_SEVERITIES));
    expect(new Set(seeds.map((seed) => seed.finalSeverity))).toEqual(new Set(SEED_SEVERITIES));
    expect(new Set(seeds.flatMap((seed) => seed.services))).toEqual(new Set(SEED_SERVICES));
    const outcomes = seeds.map((seed) => seed.outcome);
    expect(outcomes.filter((o) => o === "open")).toHaveLength(2);
    expect(outcomes.filter((o) => o === "false-positive")).toHaveLength(3);
    expect(outcomes.filter((o) => o === "reopened").length).toBeGreaterThan(0);
    expect(seeds.filter((seed) => seed.severity !== seed.finalSeverity).length).toBeGreaterThan(0);
    expect(
      seeds.filter((seed) => seed.body.includes("### When it started\n\n_No response_")).length,
    ).toBeGreaterThan(0);
    expect(
      seeds.filter((seed) => !seed.steps.some((s) => s.kind === "comment" && s.body === "/ack")).length,
    ).toBeGreaterThan(0);
    expect(
      seeds.filter((seed) => seed.steps.some((s) => s.kind === "comment" && s.body.startsWith("/detected")))
        .length,
    ).toBeGreaterThan(0);
  });

  it("projects with the app's own projection: every command accepted, outcomes as planned", () => {
    for (const [index, record] of records.entries()) {
      const seed = seeds[index];
      if (!seed) throw new Error("missing seed");
      expect(record.state.declaration?.via).toBe("form");
      expect(record.state.acknowledgements.filter((a) => a.kind !== "accepted")).toEqual([]);
      expect(record.state.severity).toBe(seed.finalSeverity);
      expect(record.state.open).toBe(seed.outcome === "open");
      expect(record.closeReason).toBe(
        seed.outcome === "open" ? null : seed.outcome === "false-positive" ? "NOT_PLANNED" : "COMPLETED",
      );
      expect(record.state.id).toMatch(/^INC-\d{8}-00\d$/);
    }
  });

  it("gives a report over six months with every section filled", () => {
    const data = computeReport({ incidents: records }, config, before, monthsBefore(before));
    expect(data.totals).toEqual({ incidents: 57, open: 2, falsePositives: 3, drills: 0, undeclared: 0 });
    expect(data.months.map((m) => m.month)).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
    ]);
    expect(data.months.every((m) => m.total > 0)).toBe(true);
    expect(data.mtbf.map((m) => m.service)).toEqual(["api", "auth", "dashboard", "search"]);
    expect(data.durations.every((row) => row.phases.resolve.n > 0)).toBe(true);
    expect(data.breaches.length).toBeGreaterThan(0);
  });
});
