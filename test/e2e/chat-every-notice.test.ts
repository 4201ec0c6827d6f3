import { afterEach, describe, expect, it } from "vitest";
import { repoOctokit } from "../../src/github/installations.js";
import { runSweep } from "../../src/pipelines/run-sweep.js";
import { type OutwardHarness, startOutwardHarness } from "./outward-harness.js";

const CONFIG = `onCall:
  primary: [alice]
  secondary: [carol]
severities:
  - { name: SEV-1, notify: ["@cto", "@vp"], ack: 5m, resolve: 1h, updateEvery: 15m, pirDue: 48h }
  - { name: SEV-2, ack: 15m, resolve: 4h, updateEvery: 30m, pirDue: 48h }
  - { name: SEV-3 }
  - { name: SEV-4 }
escalation:
  - { after: 10m, when: unacknowledged, notify: [secondary] }
notifications:
  targets:
    ops: { type: webhook, urlFrom: OPS_URL }
`;

interface Sent {
  event?: string;
  text?: string;
  incident?: { detail?: string | null };
  detail?: string | null;
}

describe("chat hears every notice, once (simulator + chat receiver)", () => {
  let h: OutwardHarness;
  afterEach(async () => h?.close());

  it("escalations from the sweep, severity up with its notify list, status changes and mitigation", async () => {
    h = await startOutwardHarness(CONFIG);
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    h.clock.set(new Date("2026-02-03T14:35:00Z"));
    const octokit = await repoOctokit(h.probot, "acme", "search");
    const sweep = () =>
      runSweep({
        octokit,
        repos: ["acme/search"],
        now: h.clock.now(),
        dryRun: false,
        botLogin: h.sim.botLogin,
        outside: { chat: h.chat, publishFiles: h.publisher.publish, log: h.probot.log },
      });
    await sweep();
    await h.settle();
    await sweep();
    await h.settle();
    h.clock.set(new Date("2026-02-03T14:36:00Z"));
    await h.comment("bob", number, "/severity SEV-1 all regions now");
    h.clock.set(new Date("2026-02-03T14:37:00Z"));
    await h.comment("bob", number, "/status identified");
    h.clock.set(new Date("2026-02-03T14:38:00Z"));
    await h.comment("bob", number, "/mitigated");

    const sent = h.chatReceiver.received("ops") as Sent[];
    const events = sent.map((body) => body.event);
    expect(events).toEqual([
      "incident.declared",
      "incident.escalation",
      "incident.severity",
      "incident.status",
      "incident.status",
    ]);
    const raised = JSON.stringify(sent[2]);
    expect(raised).toContain("Notifying @cto, @vp");
    expect(JSON.stringify(sent[4])).toContain("mitigated");
  });
});

describe("chat hears the merged review (simulator + chat receiver)", () => {
  let h: OutwardHarness;
  afterEach(async () => h?.close());

  it("the PIR pull request merged: one notice, once", async () => {
    h = await startOutwardHarness(CONFIG);
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    h.clock.set(new Date("2026-02-03T14:30:00Z"));
    await h.comment("bob", number, "/ack");
    h.clock.set(new Date("2026-02-03T15:10:00Z"));
    await h.comment("bob", number, "/resolve rolled back");
    const { data: pulls } = await h.sim
      .as("bob")
      .rest.pulls.list({ owner: "acme", repo: "search", head: "acme:pir/inc-20260203-001" });
    const review = pulls[0]?.number ?? 0;
    expect(review).toBeGreaterThan(0);
    h.clock.set(new Date("2026-02-04T10:30:00Z"));
    await h.sim.as("bob").rest.pulls.merge({ owner: "acme", repo: "search", pull_number: review });
    await h.settle();
    // A redelivered merge changes nothing.
    const merged = h.sim.deliveries.find((d) => d.event === "pull_request" && d.action === "closed");
    if (merged) await h.sim.redeliver(merged.id);
    await h.settle();

    const events = (h.chatReceiver.received("ops") as Sent[]).map((body) => body.event);
    expect(events.filter((event) => event === "incident.pir-merged")).toHaveLength(1);
    expect(events.at(-1)).toBe("incident.pir-merged");
  });
});
