import { afterEach, describe, expect, it } from "vitest";
import { type OutwardHarness, OWNER, REPO, startOutwardHarness, writes } from "./outward-harness.js";

interface Received {
  blocks?: Array<{ text?: { text?: string } }>;
  attachments?: Array<{ content?: { body?: Array<{ text?: string }> } }>;
  event?: string;
}

/** The headline of what a target received, whatever its format. */
function headlines(bodies: unknown[]): string[] {
  return (bodies as Received[]).map(
    (b) => b.blocks?.[0]?.text?.text ?? b.attachments?.[0]?.content?.body?.[0]?.text ?? b.event ?? "?",
  );
}

describe("chat notifications (simulator + chat receiver)", () => {
  let h: OutwardHarness;
  afterEach(async () => h?.close());

  it("tells each target about each entry once, also when every webhook is delivered again", async () => {
    h = await startOutwardHarness();
    const at = (hhmm: string) => h.clock.set(new Date(`2026-02-03T${hhmm}:00Z`));
    at("14:23");
    const number = await h.declare();
    at("14:24");
    await h.comment("bob", number, "/ack");
    at("14:25");
    await h.comment("bob", number, "/severity SEV-1 spreading to all regions");
    at("14:26");
    await h.comment("carol", number, "/note checking the deploy log\n/update Rolling back the 14:10 deploy");
    at("14:27");
    await h.comment(
      "carol",
      number,
      "/status public identified Search is failing for some users; a fix is rolling out.",
    );
    at("14:28");
    await h.comment("bob", number, "/escalate need database help");
    at("14:40");
    await h.comment("bob", number, "/resolve rolled back");

    const expected = [
      "🚨 INC-20260203-001: Incident declared",
      "👀 INC-20260203-001: Acknowledged",
      "👤 INC-20260203-001: Incident commander: @bob",
      "⚠️ INC-20260203-001: Severity SEV-2 → SEV-1",
      "📣 INC-20260203-001: Status update posted",
      "🌐 INC-20260203-001: Public status: identified",
      "🔺 INC-20260203-001: Escalated",
      "✅ INC-20260203-001: Resolved",
    ];
    expect(headlines(h.chatReceiver.received("alerts"))).toEqual(expected);
    expect(headlines(h.chatReceiver.received("ops"))).toEqual(expected);
    expect(headlines(h.chatReceiver.received("audit"))).toEqual(["incident.declared", "incident.resolved"]);
    expect(h.chatReceiver.requests().every((request) => request.status === 200)).toBe(true);
    expect(h.chatReceiver.requests()[0]?.headers["content-type"]).toBe("application/json");

    const sent = h.chatReceiver.requests().length;
    const requests = h.sim.appRequests().length;
    for (const delivery of h.sim.deliveries.filter((d) => !d.redelivery)) await h.sim.redeliver(delivery.id);
    await h.settle();
    expect(h.chatReceiver.requests()).toHaveLength(sent);
    const again = h.sim.appRequests().slice(requests);
    expect(again.length).toBeGreaterThan(0);
    expect(writes(again)).toEqual([]);
  });

  it("sends nothing twice when someone overwrites the timeline comment (and its ledger)", async () => {
    h = await startOutwardHarness();
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    await h.comment("carol", number, "/update Rolling back");
    const sent = h.chatReceiver.requests().length;
    const person = h.sim.as("bob");
    const { data } = await person.rest.issues.listComments({
      owner: OWNER,
      repo: REPO,
      issue_number: number,
    });
    const timeline = data.find((comment) => comment.body?.includes("incident-app:timeline"));
    h.clock.set(new Date("2026-02-03T14:31:00Z"));
    await person.rest.issues.updateComment({
      owner: OWNER,
      repo: REPO,
      comment_id: timeline?.id ?? 0,
      body: "oops",
    });
    await h.comment("bob", number, "/note the timeline was overwritten");
    expect(h.chatReceiver.requests()).toHaveLength(sent);
    await h.comment("bob", number, "/update Still rolling back");
    expect(h.chatReceiver.requests()).toHaveLength(sent + 2);
  });

  it("costs no GitHub request of its own: the ledger rides on the timeline write", async () => {
    h = await startOutwardHarness();
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    const before = h.sim.appRequests().length;
    h.clock.set(new Date("2026-02-03T14:30:00Z"));
    await h.comment("carol", number, "/update Rolling back");
    const update = h.sim.appRequests().slice(before);
    // One read, one write, as without chat.
    expect(update.map((entry) => entry.graphql ?? `${entry.method} ${entry.path}`)).toEqual([
      "IncidentHistory",
      // The reaction, the update and the timeline (with the ledger) in one document.
      "IncidentWrites",
    ]);
    expect(headlines(h.chatReceiver.received("ops")).at(-1)).toBe(
      "📣 INC-20260203-001: Status update posted",
    );
  });

  it("retries a failing delivery with back-off, then delivers it once", async () => {
    h = await startOutwardHarness();
    h.chatReceiver.fail("alerts", { status: 503, times: 2 });
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    expect(h.chatReceiver.requests("alerts").map((r) => r.status)).toEqual([503, 503, 200]);
    expect(h.chatReceiver.received("alerts")).toHaveLength(1);
    expect(h.sleeps).toEqual([500, 2000]);
    expect((await h.appComments(number)).some((body) => body.includes("Chat notifications"))).toBe(false);
  });

  it("reports a target that keeps failing once on the incident; the others hear everything", async () => {
    h = await startOutwardHarness();
    h.chatReceiver.fail("ops", { status: 500 });
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    expect(h.chatReceiver.requests("ops").map((r) => r.status)).toEqual([500, 500, 500]);
    h.clock.set(new Date("2026-02-03T14:30:00Z"));
    await h.comment("carol", number, "/update Rolling back");
    await h.comment("bob", number, "/ack");
    expect(h.chatReceiver.requests("ops")).toHaveLength(9);
    // Declared, the update, the acknowledgement (and its IC role).
    expect(h.chatReceiver.received("alerts")).toHaveLength(4);
    const reports = (await h.appComments(number)).filter((body) => body.includes("Chat notifications"));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain(
      "⚠️ **Chat notifications to `ops` (teams) failed**: HTTP 500 after 3 attempts.",
    );
    expect(reports[0]).toContain("- 🚨 INC-20260203-001: Incident declared (2026-02-03 14:23 UTC)");
    expect(reports[0]).toContain("`OPS_URL`");
    expect(reports[0]).not.toContain(h.chatReceiver.url("ops"));
  });

  it("reports a target whose environment variable is not set, without trying it", async () => {
    h = await startOutwardHarness(
      "notifications:\n  targets:\n    pager: { type: discord, urlFrom: PAGER_WEBHOOK_URL }\n",
    );
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    expect(h.chatReceiver.requests()).toEqual([]);
    const reports = (await h.appComments(number)).filter((body) => body.includes("Chat notifications"));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain(
      "the environment variable `PAGER_WEBHOOK_URL` is not set where the app runs",
    );
  });
});
