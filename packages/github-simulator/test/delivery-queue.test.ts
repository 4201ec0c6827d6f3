import type { Octokit } from "@octokit/rest";
import { afterEach, describe, expect, it } from "vitest";
import { botOctokit } from "../src/bot-octokit.js";
import type { Simulator } from "../src/simulator.js";
import { type Received, type Receiver, seededSimulator, startReceiver } from "./support.js";

const repo = { owner: "acme", repo: "svc" };
let sim: Simulator | null = null;
let receiver: Receiver | null = null;

afterEach(async () => {
  await sim?.close();
  await receiver?.close();
  sim = null;
  receiver = null;
});

function eventOf(r: Received): string {
  return `${r.headers["x-github-event"]}.${String(r.payload.action)}`;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A little app: answers `issues.opened` with a comment, written before it responds. */
async function appLike(getBot: () => Octokit, track: { inFlight: number; max: number }): Promise<Receiver> {
  return startReceiver(async (r) => {
    track.inFlight += 1;
    track.max = Math.max(track.max, track.inFlight);
    await pause(5);
    if (eventOf(r) === "issues.opened") {
      const issue = r.payload.issue as { number: number };
      await getBot().rest.issues.createComment({ ...repo, issue_number: issue.number, body: "ack" });
    }
    track.inFlight -= 1;
    return 200;
  });
}

describe("delivery queue", () => {
  it("serial: delivers one at a time in order; settle waits for deliveries the app's writes cause", async () => {
    const track = { inFlight: 0, max: 0 };
    let bot: Octokit | null = null;
    receiver = await appLike(() => bot as Octokit, track);
    sim = await seededSimulator(receiver);
    bot = await botOctokit(sim);
    const alice = sim.as("alice");
    await alice.rest.issues.create({ ...repo, title: "one", labels: ["incident"] });
    await alice.rest.issues.create({ ...repo, title: "two" });
    await sim.settle();
    expect(receiver.received.map(eventOf)).toEqual([
      "installation.created",
      "issues.opened",
      "issues.labeled",
      "issues.opened",
      "issue_comment.created",
      "issue_comment.created",
    ]);
    expect(track.max).toBe(1);
    const opened = sim.deliveries.filter((d) => d.event === "issues" && d.action === "opened");
    const appWrites = sim.appRequests();
    expect(appWrites.map((e) => [e.delivery, e.event])).toEqual(opened.map((d) => [d.id, "issues.opened"]));
    expect(sim.deliveries.every((d) => d.status === 200)).toBe(true);
  });

  it("concurrent: sends as soon as queued, and attributes requests only when one delivery is in flight", async () => {
    const track = { inFlight: 0, max: 0 };
    let bot: Octokit | null = null;
    receiver = await appLike(() => bot as Octokit, track);
    sim = await seededSimulator(receiver);
    bot = await botOctokit(sim);
    sim.deliveryMode = "concurrent";
    const alice = sim.as("alice");
    await Promise.all([1, 2, 3].map((n) => alice.rest.issues.create({ ...repo, title: `t${n}` })));
    await sim.settle();
    expect(track.max).toBeGreaterThan(1);
    expect(receiver.received.filter((r) => eventOf(r) === "issue_comment.created")).toHaveLength(3);
    const attributed = sim.appRequests().filter((e) => e.delivery !== null);
    for (const entry of attributed) expect(entry.event).toBe("issues.opened");
  });

  it("holds matching deliveries (a missed webhook) until released", async () => {
    receiver = await startReceiver();
    sim = await seededSimulator(receiver);
    sim.holdDeliveries((d) => d.event === "issue_comment");
    const alice = sim.as("alice");
    const { data: issue } = await alice.rest.issues.create({ ...repo, title: "t" });
    await alice.rest.issues.createComment({ ...repo, issue_number: issue.number, body: "held" });
    await alice.rest.issues.update({ ...repo, issue_number: issue.number, state: "closed" });
    await sim.settle();
    expect(receiver.received.map(eventOf)).toEqual([
      "installation.created",
      "issues.opened",
      "issues.closed",
    ]);
    const held = sim.deliveries.find((d) => d.event === "issue_comment");
    expect(held).toMatchObject({ held: true, status: null });
    await sim.releaseHeld();
    expect(receiver.received.map(eventOf).at(-1)).toBe("issue_comment.created");
    expect(held).toMatchObject({ held: false, status: 200 });
  });

  it("redelivers with the same X-GitHub-Delivery and the same body", async () => {
    receiver = await startReceiver();
    sim = await seededSimulator(receiver);
    await sim.as("alice").rest.issues.create({ ...repo, title: "t" });
    await sim.settle();
    const original = sim.deliveries.at(-1);
    if (!original) throw new Error("no delivery");
    await sim.redeliver(original.id);
    const [a, b] = receiver.received.slice(-2);
    expect(b?.headers["x-github-delivery"]).toBe(original.id);
    expect(b?.body).toBe(a?.body);
    expect(sim.deliveries.filter((d) => d.id === original.id).map((d) => d.redelivery)).toEqual([
      false,
      true,
    ]);
  });

  it("records failed deliveries and moves on", async () => {
    let calls = 0;
    receiver = await startReceiver(() => (++calls === 2 ? 500 : 200));
    sim = await seededSimulator(receiver);
    const alice = sim.as("alice");
    await alice.rest.issues.create({ ...repo, title: "fails" });
    await alice.rest.issues.create({ ...repo, title: "works" });
    await sim.settle();
    expect(sim.deliveries.slice(-2).map((d) => d.status)).toEqual([500, 200]);
    sim.setWebhookTarget("http://127.0.0.1:9/unreachable");
    await alice.rest.issues.create({ ...repo, title: "refused" });
    await sim.settle();
    expect(sim.deliveries.at(-1)).toMatchObject({ status: 0, error: expect.any(String) });
    sim.setWebhookTarget(null);
    await alice.rest.issues.create({ ...repo, title: "nowhere" });
    await sim.settle();
    expect(sim.deliveries.at(-1)).toMatchObject({ status: null, error: "no webhook target" });
  });
});
