import { RequestError } from "@octokit/request-error";
import { afterEach, describe, expect, it } from "vitest";
import { botOctokit } from "../src/bot-octokit.js";
import { createPrng } from "../src/faults/prng.js";
import type { Simulator } from "../src/simulator.js";
import { type Receiver, seededSimulator, startReceiver } from "./support.js";

const repo = { owner: "acme", repo: "svc" };
let sim: Simulator | null = null;
let receiver: Receiver | null = null;

afterEach(async () => {
  await sim?.close();
  await receiver?.close();
  sim = null;
  receiver = null;
});

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof RequestError) return error.status;
    throw error;
  }
}

describe("fault injection", () => {
  it("the PRNG replays the same sequence for the same seed", () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(first.every((n) => n >= 0 && n < 1)).toBe(true);
    expect(createPrng(43).next()).not.toBe(first[0]);
  });

  it("a lost response takes effect and answers 502; a server error does not take effect", async () => {
    sim = await seededSimulator();
    const bot = await botOctokit(sim);
    const { data: issue } = await sim.as("alice").rest.issues.create({ ...repo, title: "t" });
    const comment = { ...repo, issue_number: issue.number, body: "hello" };

    sim.injectRequestFaults({ seed: 1, rate: 1, mix: { "lost-response": 1 } });
    expect(await statusOf(bot.rest.issues.createComment(comment))).toBe(502);
    sim.injectRequestFaults({ seed: 1, rate: 1, mix: { "server-error": 1 } });
    expect([500, 502, 503]).toContain(await statusOf(bot.rest.issues.createComment(comment)));
    sim.clearFaults();

    const { data: comments } = await bot.rest.issues.listComments({ ...repo, issue_number: issue.number });
    expect(comments.map((c) => c.body)).toEqual(["hello"]);
    expect(sim.appRequests().map((e) => e.fault)).toEqual(["lost-response", "server-error", null]);
  });

  it("secondary limits carry retry-after; people's own requests are spared by default", async () => {
    sim = await seededSimulator();
    const bot = await botOctokit(sim);
    const faults = sim.injectRequestFaults({
      seed: 5,
      rate: 1,
      mix: { "secondary-limit": 1 },
      retryAfterSeconds: 2,
    });
    const error = await bot.rest.issues.listForRepo(repo).then(
      () => {
        throw new Error("expected a secondary limit");
      },
      (e: unknown) => e as RequestError,
    );
    expect([403, 429]).toContain(error.status);
    expect(error.response?.headers["retry-after"]).toBe("2");
    expect(error.message).toMatch(/secondary rate limit/);
    await sim.as("alice").rest.issues.listForRepo(repo);
    expect(faults.counts()).toMatchObject({ "secondary-limit": 1, "server-error": 0 });
  });

  it("copies every delivery with the same X-GitHub-Delivery, and redelivers dropped ones when quiet", async () => {
    receiver = await startReceiver();
    sim = await seededSimulator(receiver);
    const copies = sim.injectDeliveryFaults({ seed: 9, copies: 3, shuffle: true });
    await sim.as("alice").rest.issues.create({ ...repo, title: "t" });
    await sim.settle();
    const opened = receiver.received.filter((r) => r.headers["x-github-event"] === "issues");
    expect(opened).toHaveLength(3);
    expect(new Set(opened.map((r) => r.headers["x-github-delivery"])).size).toBe(1);
    expect(copies.stats).toMatchObject({ deliveries: 1, sends: 3, duplicates: 2 });

    const drops = sim.injectDeliveryFaults({ seed: 9, dropRate: 1, redeliverRate: 1 });
    const before = receiver.received.length;
    await sim.as("alice").rest.issues.create({ ...repo, title: "u" });
    await sim.settle();
    expect(receiver.received.length).toBe(before + 1);
    expect(drops.stats).toMatchObject({ dropped: 1, redelivered: 1 });
    const sends = sim.deliveries.slice(-2);
    expect(sends.map((d) => [d.fault, d.redelivery, d.status])).toEqual([
      ["dropped", false, null],
      [null, true, 200],
    ]);
  });
});
