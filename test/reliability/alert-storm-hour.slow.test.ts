import { afterEach, describe, expect, it } from "vitest";
import { ALERTS_YAML, type AlertsHarness, fixture, startAlertsHarness } from "../e2e/alerts-harness.js";
import { contentWindows } from "../support/content-created.js";

/**
 * An alert storm that lasts an hour (§14), on the simulator's clock: every minute new
 * fingerprints, firings of earlier ones and resolutions. GitHub allows about 80
 * content-creating requests a minute and 500 an hour; alerts spend at most
 * `storm.contentPerMinute` and `storm.contentPerHour` (defaults 50 and 400) of them,
 * and beyond that alerts are folded (grouped into the storm incident's record, or
 * counted in their own issue's body: edits), never dropped, never duplicated.
 * The counts are printed.
 */
const MINUTES = Number(process.env.STORM_MINUTES ?? 60);
const NEW_PER_MINUTE = 6;
const START = Date.parse("2026-02-03T14:00:00Z");
const CONFIG = `${ALERTS_YAML}  resolvedMarksMitigated: true\n`;

const fingerprint = (minute: number, index: number) => `hour-${minute}-${index}`;

describe("an alert storm that lasts an hour", () => {
  let h: AlertsHarness;
  afterEach(async () => h?.close());

  it("stays within GitHub's content limits per minute and per hour, and loses no alert", async () => {
    h = await startAlertsHarness(CONFIG);
    const base = { ...fixture("generic.firing"), service: "search" };
    const firing = (id: string, at: number) => ({
      ...base,
      fingerprint: id,
      title: `Search shard ${id} unhealthy`,
      startedAt: new Date(at).toISOString(),
    });
    const resolved = (id: string, at: number) => ({
      ...firing(id, at - 120_000),
      status: "resolved",
      endedAt: new Date(at).toISOString(),
    });
    const start = h.sim.appRequests().length;
    const kinds = new Map<string, number>();
    const sent = new Set<string>();
    let firings = 0;
    let resolutions = 0;
    const began = Date.now();
    for (let minute = 0; minute < MINUTES; minute++) {
      if (minute % 10 === 0) console.log(`minute ${minute}: ${Math.round((Date.now() - began) / 1000)} s`);
      // Two rounds a minute, each sent at once.
      for (const second of [5, 35]) {
        const at = START + minute * 60_000 + second * 1000;
        h.clock.set(new Date(at));
        const payloads: unknown[] = [];
        const half = NEW_PER_MINUTE / 2;
        for (let i = 0; i < half; i++) {
          const id = fingerprint(minute, second === 5 ? i : half + i);
          sent.add(id);
          payloads.push(firing(id, at));
        }
        // Firings of earlier fingerprints: the first minute's (incidents of their own) and last minute's.
        if (minute > 0)
          for (const id of [
            fingerprint(0, second === 5 ? 0 : 1),
            fingerprint(minute - 1, second === 5 ? 2 : 5),
          ]) {
            payloads.push(firing(id, at));
            firings++;
          }
        // Resolutions of fingerprints two minutes old.
        if (minute > 1 && second === 35)
          for (const id of [fingerprint(minute - 2, 3), fingerprint(minute - 2, 4)]) {
            payloads.push(resolved(id, at));
            resolutions++;
          }
        const answers = await Promise.all(payloads.map((payload) => h.generic(payload)));
        for (const answer of answers) {
          expect(answer.status, JSON.stringify(answer.body)).toBe(200);
          for (const one of answer.body.alerts) kinds.set(one.kind, (kinds.get(one.kind) ?? 0) + 1);
        }
      }
    }
    const made = h.sim.appRequests().slice(start);
    const windows = contentWindows(made);
    const busiest = [...windows.perMinute].sort((a, b) => b.count - a.count).slice(0, 3);
    console.log(
      `hour-long storm: ${sent.size} new fingerprints, ${firings} firings of earlier ones, ${resolutions} resolutions; ` +
        `${made.length} requests, ${windows.total} content-creating in the hour (GitHub allows about 500; the alerts' budget 400), ` +
        `at most ${windows.maxAny60s} in any 60 seconds (GitHub about 80; the budget 50); ` +
        `busiest minutes ${busiest.map((one) => `${one.minute} ${one.count}`).join(", ")}; ` +
        `answers ${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(", ")}`,
    );
    console.log(`content-creating per minute: ${windows.perMinute.map((one) => one.count).join(" ")}`);
    expect(windows.maxAny60s).toBeLessThanOrEqual(50);
    expect(windows.maxAnyHour).toBeLessThanOrEqual(400);

    // Never duplicated: one incident per fingerprint at most, one storm incident.
    const issues = await h.issues();
    const own = issues.flatMap((issue) => /fingerprint=(hour-\d+-\d+)/.exec(issue.body)?.[1] ?? []);
    expect(new Set(own).size).toBe(own.length);
    const storms = issues.filter((issue) => issue.title.endsWith("Alert storm in acme/search"));
    expect(storms).toHaveLength(1);
    // Never dropped: each fingerprint has its own incident or is on the storm's record.
    const record = (await h.appComments(storms[0]?.number ?? 0)).find((body) =>
      body.includes("incident-app:alert-storm-record"),
    );
    const listed = [...(record ?? "").matchAll(/\(`(hour-\d+-\d+)`\)/g)].map((m) => m[1] as string);
    const unlisted = Number(/… and (\d+) more/.exec(record ?? "")?.[1] ?? 0);
    expect(listed.filter((id) => own.includes(id))).toEqual([]);
    const accounted = new Set([...own, ...listed]);
    const missing = [...sent].filter((id) => !accounted.has(id));
    expect(missing.length).toBeLessThanOrEqual(unlisted);
    console.log(
      `hour-long storm: ${own.length} incidents of their own, 1 storm incident listing ${listed.length} fingerprints and counting ${unlisted} more`,
    );
  }, 600_000);
});
