import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { alertIssue, stormIssue } from "../../../src/features/alerts/alert-issue.js";
import { findIssueForAlert } from "../../../src/features/alerts/alert-marker.js";
import {
  countOnStorm,
  decideNewFingerprint,
  EMPTY_STORM,
  isGrouped,
  openedInLastMinute,
  openStorm,
  readStormRecord,
  stormRecordBody,
} from "../../../src/features/alerts/alert-storm.js";
import { parseAlertPayload } from "../../../src/features/alerts/parse-alert-payload.js";
import { readMarkers } from "../../../src/kernel/markers.js";
import { loadAlertFixture } from "./load-fixture.js";

const config = ConfigSchema.parse({});
const parsed = parseAlertPayload("alertmanager", loadAlertFixture("alertmanager.firing"));
if (!parsed.ok) throw new Error("fixture");
const alert = parsed.alerts[0]!;
const route = { kind: "declare", repository: "acme/search", severity: "SEV-1", routeIndex: 0 } as const;
const now = new Date("2026-02-03T14:24:30Z");

const issue = (
  number: number,
  body: string,
  createdAt: string,
  extra: Partial<{ state: "open" | "closed"; authoredByApp: boolean }> = {},
) => ({
  number,
  body,
  createdAt,
  state: "open" as const,
  authoredByApp: true,
  ...extra,
});

describe("alert storms", () => {
  it("defaults to 10 new incidents a minute per repository", () => {
    expect(config.alerts.storm.newIncidentsPerMinute).toBe(10);
    expect(() => ConfigSchema.parse({ alerts: { storm: { newIncidentsPerMinute: 0 } } })).toThrow();
  });

  it("counts the alert incidents the app opened in the last minute, the storm's too, nobody else's", () => {
    const own = alertIssue(alert, route, config).body;
    const storm = stormIssue(alert, route, config, 10).body;
    const issues = [
      issue(1, own, "2026-02-03T14:23:00Z"),
      issue(2, own, "2026-02-03T14:24:00Z"),
      issue(3, storm, "2026-02-03T14:24:10Z"),
      issue(4, own, "2026-02-03T14:24:20Z", { authoredByApp: false }),
      issue(5, "a form someone filed", "2026-02-03T14:24:20Z"),
      issue(6, own, "2026-02-03T14:24:25Z", { state: "closed" }),
    ];
    expect(openedInLastMinute(issues, now)).toBe(3);
    expect(openStorm(issues)?.number).toBe(3);
    expect(openStorm(issues.filter((one) => one.number !== 3))).toBeNull();
  });

  it("declares its own while the budget lasts, then opens a storm, then joins it", () => {
    expect(decideNewFingerprint(9, 10, null)).toEqual({ kind: "declare-own" });
    expect(decideNewFingerprint(10, 10, null)).toEqual({ kind: "open-storm" });
    expect(decideNewFingerprint(12, 10, { number: 7 })).toEqual({ kind: "join-storm", number: 7 });
  });

  it("the storm incident holds no fingerprint: no alert finds it as its own", () => {
    const body = stormIssue(alert, route, config, 10);
    expect(body.title).toBe("Alert storm in acme/search");
    expect(findIssueForAlert([{ number: 3, body: body.body, authoredByApp: true }], alert)).toBeNull();
  });

  it("keeps one record that lists and counts grouped fingerprints, read back from its marker", () => {
    const other = { ...alert, fingerprint: "b--> <x", title: "Disk *full*" };
    let record = countOnStorm(EMPTY_STORM, alert, 1, "2026-02-03T14:24:00Z");
    record = countOnStorm(record, other, 3, "2026-02-03T14:24:10Z");
    record = countOnStorm(record, alert, 2, "2026-02-03T14:24:20Z");
    const body = stormRecordBody(record, config);
    expect(body).toContain("🌩️ Alert storm: 2 alerts grouped here, 6 firings in all; last at");
    const [found] = readMarkers(body);
    expect(found?.kind).toBe("alert-storm-record");
    const back = readStormRecord(found?.fields ?? {});
    expect(back.grouped.map((one) => [one.fingerprint, one.firings])).toEqual([
      [alert.fingerprint, 3],
      ["b--> <x", 3],
    ]);
    expect(isGrouped(back, other)).toBe(true);
    expect(isGrouped(back, { ...alert, fingerprint: "c" })).toBe(false);
  });

  it("beyond 250 listed fingerprints counts the rest without listing them", () => {
    let record = EMPTY_STORM;
    for (let i = 0; i < 252; i++)
      record = countOnStorm(record, { ...alert, fingerprint: `f${i}` }, 1, now.toISOString());
    const body = stormRecordBody(record, config);
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain("… and 2 more");
    const back = readStormRecord(readMarkers(body)[0]?.fields ?? {});
    expect([back.grouped.length, back.unlisted, back.unlistedFirings]).toEqual([250, 2, 2]);
  });
});
