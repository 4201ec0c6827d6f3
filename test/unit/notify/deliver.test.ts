import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { routeNotices } from "../../../src/features/outward/route-notices.js";
import { type DeliveryOptions, deliverBatches } from "../../../src/outside/chat/deliver.js";
import { incident, noticesOf } from "./notices.js";

const config = ConfigSchema.parse({
  notifications: {
    targets: {
      alerts: { type: "slack", urlFrom: "ALERTS", severities: ["SEV-1"] },
      ops: { type: "webhook", urlFrom: "OPS", events: ["update"] },
    },
  },
});
const notices = noticesOf(
  incident([
    ["/update Rolling back", "14:24"],
    ["/severity SEV-1", "14:25"],
    ["/update Still rolling back", "14:26"],
  ]),
  config,
);

type Answer = number | "timeout" | "refused";

/** A fetch that answers from a script, recording the URLs and bodies it was given. */
function scripted(answers: Answer[], headers: Record<string, string> = {}) {
  const calls: Array<{ url: string; body: unknown }> = [];
  const fetch: typeof globalThis.fetch = async (url, init) => {
    calls.push({ url: String(url), body: JSON.parse(String(init?.body)) });
    const answer = answers.shift() ?? 200;
    if (answer === "timeout")
      throw Object.assign(new Error("The operation was aborted due to timeout"), { name: "TimeoutError" });
    if (answer === "refused")
      throw Object.assign(new TypeError(`fetch failed ${String(url)}`), { cause: { code: "ECONNREFUSED" } });
    return new Response(answer === 204 ? null : "ok", { status: answer, headers });
  };
  return { fetch, calls };
}

function options(fetch: typeof globalThis.fetch, sleeps: number[] = []): DeliveryOptions {
  return {
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    env: { ALERTS: "https://hooks.example/alerts-secret", OPS: "https://hooks.example/ops-secret" },
    timeoutMs: 5_000,
    attempts: 3,
  };
}

describe("routing", () => {
  it("sends each target the severities and events it asked for", () => {
    const batches = routeNotices(notices, config);
    expect(batches.map((b) => [b.name, b.notices.map((n) => n.headline)])).toEqual([
      ["alerts", ["⚠️ INC-20260203-001: Severity SEV-2 → SEV-1", "📣 INC-20260203-001: Status update posted"]],
      ["ops", ["📣 INC-20260203-001: Status update posted", "📣 INC-20260203-001: Status update posted"]],
    ]);
  });
});

describe("delivery", () => {
  const [alerts] = routeNotices(notices, config);
  if (!alerts) throw new Error("fixture");

  it("posts each notice once, in order", async () => {
    const { fetch, calls } = scripted([200, 204]);
    const [outcome] = await deliverBatches([alerts], options(fetch));
    expect(calls.map((call) => call.url)).toEqual([
      "https://hooks.example/alerts-secret",
      "https://hooks.example/alerts-secret",
    ]);
    expect(outcome?.delivered).toHaveLength(2);
    expect(outcome?.failure).toBeNull();
  });

  it("retries 5xx, 429, timeouts and refused connections with back-off, honouring Retry-After", async () => {
    const sleeps: number[] = [];
    const { fetch, calls } = scripted([429, "timeout", 200, "refused", 502, 200], { "retry-after": "3" });
    const [outcome] = await deliverBatches([alerts], options(fetch, sleeps));
    expect(calls).toHaveLength(6);
    // Every answer of this script carries `Retry-After: 3`, which outweighs the first back-offs.
    expect(sleeps).toEqual([3_000, 2_000, 500, 3_000]);
    expect(outcome?.failure).toBeNull();
  });

  it("gives a target up after its attempts, keeps its later notices, and never says its URL", async () => {
    const { fetch, calls } = scripted([500, 500, 500]);
    const [outcome] = await deliverBatches([alerts], options(fetch));
    expect(calls).toHaveLength(3);
    expect(outcome?.delivered).toEqual([]);
    expect(outcome?.failure?.reason).toBe("HTTP 500 after 3 attempts");
    expect(outcome?.failure?.undelivered).toHaveLength(2);
    expect(JSON.stringify(outcome)).not.toContain("alerts-secret");
  });

  it("does not retry what will not get better (404: the webhook was deleted)", async () => {
    const { fetch, calls } = scripted([404]);
    const [outcome] = await deliverBatches([alerts], options(fetch));
    expect(calls).toHaveLength(1);
    expect(outcome?.failure?.reason).toBe("HTTP 404 (not retried)");
  });

  it("describes network failures by code, not by their message (which holds the URL)", async () => {
    const { fetch } = scripted(["refused", "refused", "timeout"]);
    const [outcome] = await deliverBatches([alerts], options(fetch));
    expect(outcome?.failure?.reason).toBe("no answer within 5 s after 3 attempts");
    const { fetch: refused } = scripted(["refused", "refused", "refused"]);
    const [second] = await deliverBatches([alerts], options(refused));
    expect(second?.failure?.reason).toBe("network error ECONNREFUSED after 3 attempts");
  });

  it("reports a missing environment variable without sending anything", async () => {
    const { fetch, calls } = scripted([]);
    const [outcome] = await deliverBatches([alerts], { ...options(fetch), env: {} });
    expect(calls).toEqual([]);
    expect(outcome?.failure?.reason).toBe("the environment variable `ALERTS` is not set where the app runs");
  });

  it("aborts an attempt that takes longer than the timeout", async () => {
    const slow = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      })) as unknown as typeof fetch;
    const started = Date.now();
    const [outcome] = await deliverBatches([alerts], { ...options(slow), timeoutMs: 50, attempts: 2 });
    expect(outcome?.failure?.reason).toBe("no answer within 0.05 s after 2 attempts");
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
