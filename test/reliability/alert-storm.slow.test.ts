import { afterEach, describe, expect, it } from "vitest";
import { type AlertsHarness, fixture, startAlertsHarness, writesOf } from "../e2e/alerts-harness.js";
import { contentCreated, contentWindows } from "../support/content-created.js";

/**
 * Alert storms (§14): 1,000 firings of one fingerprint within a minute, and 200
 * distinct fingerprints at once. No duplicate incident; the writes each storm cost
 * are printed (the closing note quotes them).
 */
const CONCURRENCY = 100;

async function inWaves<T>(count: number, send: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += CONCURRENCY) {
    const wave = Array.from({ length: Math.min(CONCURRENCY, count - start) }, (_, i) => send(start + i));
    results.push(...(await Promise.all(wave)));
  }
  return results;
}

describe("alert storms", () => {
  let h: AlertsHarness;
  afterEach(async () => h?.close());

  it("1,000 firings of one fingerprint in a minute: one incident, one counted record", async () => {
    h = await startAlertsHarness();
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    const start = h.sim.appRequests().length;
    const payload = fixture("alertmanager.firing");
    const answers = await inWaves(1000, async (index) => {
      h.clock.set(new Date(Date.parse("2026-02-03T14:24:00Z") + index * 55));
      return h.alertmanager(payload);
    });
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const made = h.sim.appRequests().slice(start);
    const incidents = (await h.issues()).filter((issue) => issue.title.startsWith("[INC-"));
    expect(incidents).toHaveLength(1);
    const records = (await h.appComments(1)).filter((body) => body.includes("incident-app:alert-record"));
    expect(records).toHaveLength(1);
    expect(records[0]).toContain("has fired 1000 times");
    const writes = writesOf(made).length;
    console.log(
      `storm of 1,000 firings: ${made.length} requests, ${writes} writes, ${contentCreated(made)} content-creating`,
    );
    // The issue, its declaration, checklist and timeline comments, and the one record.
    expect(contentCreated(made)).toBeLessThanOrEqual(5);
  });

  it("200 distinct fingerprints at once: the first 10 open incidents, the rest one storm incident; within GitHub's limit", async () => {
    h = await startAlertsHarness();
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    const start = h.sim.appRequests().length;
    const payload = fixture("generic.firing");
    const send = (index: number) => h.generic({ ...payload, fingerprint: `storm-${index}` });
    await inWaves(200, send);
    // The same 200 again at once: all counted, none declared anew.
    await inWaves(200, send);
    const made = h.sim.appRequests().slice(start);
    const issues = await h.issues();
    // The default budget: 10 incidents of their own a minute, then one storm incident.
    expect(issues).toHaveLength(11);
    const own = issues.flatMap((issue) => /fingerprint=(storm-\d+)/.exec(issue.body)?.[1] ?? []);
    expect(new Set(own).size).toBe(10);
    const storm = issues.find((issue) => issue.title === "Alert storm in acme/search");
    expect(storm).toBeDefined();
    const records = (await h.appComments(storm?.number ?? 0)).filter((body) =>
      body.includes("incident-app:alert-storm-record"),
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toContain("190 alerts grouped here, 380 firings in all");
    const grouped = [...(records[0] ?? "").matchAll(/\(`(storm-\d+)`\): fired 2 times/g)].map((m) => m[1]);
    expect(new Set([...own, ...grouped]).size).toBe(200);
    // Every request of the storm falls within the same minute of the clock.
    const windows = contentWindows(made);
    console.log(
      `storm of 200 fingerprints (sent twice): ${made.length} requests, ${writesOf(made).length} writes, ${windows.total} content-creating (at most ${windows.maxAny60s} in any 60 seconds; the alerts' budget 50, GitHub about 80)`,
    );
    expect(windows.maxAny60s).toBeLessThanOrEqual(50);
  });
});
