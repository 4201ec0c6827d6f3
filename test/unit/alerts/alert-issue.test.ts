import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import {
  alertIssue,
  alertRecordBody,
  isRecordOf,
  readAlertRecord,
} from "../../../src/features/alerts/alert-issue.js";
import { parseAlertMarkers } from "../../../src/features/alerts/alert-marker.js";
import { parseAlertPayload } from "../../../src/features/alerts/parse-alert-payload.js";
import { readMarkers } from "../../../src/kernel/markers.js";
import { parseIncidentForm } from "../../../src/kernel/projection/incident-form.js";
import { AlertBatches } from "../../../src/pipelines/alert-batches.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { localLock } from "../../../src/pipelines/issue-lock.js";
import { loadAlertFixture } from "./load-fixture.js";

const config = ConfigSchema.parse({});
const parsed = parseAlertPayload("alertmanager", loadAlertFixture("alertmanager.firing"));
if (!parsed.ok) throw new Error("fixture");
const alert = parsed.alerts[0]!;
const route = { kind: "declare", repository: "acme/search", severity: "SEV-1", routeIndex: 0 } as const;

describe("the issue an alert opens", () => {
  it("is a form the issue-form parser reads, with the fingerprint and how it was opened", () => {
    const issue = alertIssue(alert, route, config);
    expect(issue.title).toBe("Search zero-result rate above 40% for 5 minutes");
    expect(issue.labels).toEqual(["incident", "SEV-1"]);
    const form = parseIncidentForm(issue.body, readFormTemplate());
    expect(form).toMatchObject({
      severity: "SEV-1",
      impact: "42% of searches returned no results (normal: under 3%).",
      services: ["search"],
      started: "2026-02-03T14:23:07.123Z",
    });
    expect(parseAlertMarkers(issue.body)).toEqual([
      { source: "alertmanager", fingerprint: "3c2d3ab5a4b4f0e1" },
    ]);
    expect(readMarkers(issue.body).find((m) => m.kind === "alert-issue")?.fields).toEqual({
      mode: "declare",
      severity: "SEV-1",
      started: "2026-02-03T14:23:07.123Z",
    });
  });

  it("waits in triage below the declaring severity", () => {
    const issue = alertIssue(alert, { ...route, kind: "triage", routeIndex: null, reason: "r" }, config);
    expect(issue.labels).toEqual(["incident: triage"]);
    expect(issue.body).toContain("mode=triage");
  });
});

describe("the record of an alert's repeats", () => {
  it("round-trips through its marker, whatever the fingerprint holds", () => {
    const odd = { ...alert, fingerprint: "a--b c>d" };
    const body = alertRecordBody(
      odd,
      { firings: 7, last: "2026-02-03T14:36:00.000Z", resolved: "2026-02-03T14:40:00.000Z", mitigate: true },
      config,
    );
    const found = readMarkers(body).find((m) => m.kind === "alert-record");
    expect(found && isRecordOf(found.fields, odd)).toBe(true);
    expect(found && isRecordOf(found.fields, alert)).toBe(false);
    expect(readAlertRecord(found?.fields ?? {})).toEqual({
      firings: 7,
      last: "2026-02-03T14:36:00.000Z",
      resolved: "2026-02-03T14:40:00.000Z",
      mitigate: true,
    });
    expect(body).toContain("has fired 7 times; last at 2026-02-03 14:36 UTC.");
  });
});

describe("alert batches", () => {
  it("handles notifications that arrive during a round together, in the next round", async () => {
    const batches = new AlertBatches<number, number>(localLock());
    const rounds: number[][] = [];
    const handle = async (items: number[]) => {
      rounds.push([...items]);
      await new Promise((resolve) => setImmediate(resolve));
      return items.length;
    };
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => batches.submit("f", i, handle)));
    expect(rounds.length).toBeLessThanOrEqual(2);
    expect(rounds.flat()).toHaveLength(50);
    expect(new Set(results).size).toBeLessThanOrEqual(2);
  });
});
