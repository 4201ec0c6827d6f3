import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type PagerDutyReceiver,
  startPagerDutyReceiver,
} from "../../support/receivers/pagerduty-receiver.js";

let receiver: PagerDutyReceiver;
const routing_key = randomBytes(16).toString("hex");
const payload = { summary: "s", source: "acme/search", severity: "critical" };

beforeAll(async () => {
  receiver = await startPagerDutyReceiver();
});
afterAll(() => receiver.close());

async function post(body: unknown, contentType = "application/json") {
  const response = await fetch(`${receiver.url}/v2/enqueue`, {
    method: "POST",
    headers: { "content-type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("PagerDuty receiver refuses what PagerDuty documents as invalid", () => {
  it.each([
    [
      "an unknown top-level field",
      { routing_key, event_action: "trigger", dedup_key: "k", payload, urgency: "high" },
      ["'urgency' is not a recognised field"],
    ],
    [
      "an unknown payload field",
      { routing_key, event_action: "trigger", payload: { ...payload, title: "t" } },
      ["'payload.title' is not a recognised field"],
    ],
    [
      "a trigger without payload",
      { routing_key, event_action: "trigger", dedup_key: "k" },
      ["'payload' is required for trigger events"],
    ],
    [
      "a wrong severity",
      { routing_key, event_action: "trigger", payload: { ...payload, severity: "high" } },
      ["'payload.severity' must be one of critical, error, warning, info"],
    ],
    [
      "a missing source",
      { routing_key, event_action: "trigger", payload: { summary: "s", severity: "info" } },
      ["'payload.source' is missing"],
    ],
    [
      "a summary over 1,024 characters",
      { routing_key, event_action: "trigger", payload: { ...payload, summary: "x".repeat(1025) } },
      ["'payload.summary' must be at most 1024 characters"],
    ],
    [
      "a resolve without dedup_key",
      { routing_key, event_action: "resolve" },
      ["'dedup_key' is required for resolve events"],
    ],
    [
      "an unknown action",
      { routing_key, event_action: "snooze", dedup_key: "k" },
      ["'event_action' must be one of trigger, acknowledge, resolve"],
    ],
    [
      "links that are not a list",
      { routing_key, event_action: "trigger", payload, links: { href: "x" } },
      ["'links' must be an array"],
    ],
  ])("%s", async (_name, body, errors) => {
    expect(await post(body)).toEqual({
      status: 400,
      body: { status: "invalid event", message: "Event object is invalid", errors },
    });
  });

  it("refuses a body that is not JSON", async () => {
    expect((await post("{", "application/json")).status).toBe(400);
    expect((await post({ routing_key }, "text/plain")).status).toBe(400);
  });

  it("accepts the documented optional fields and answers like PagerDuty", async () => {
    const body = {
      routing_key,
      event_action: "trigger",
      payload: {
        ...payload,
        timestamp: "2026-02-03T14:23:00Z",
        component: "api",
        group: "g",
        class: "c",
        custom_details: { a: 1 },
      },
      links: [{ href: "https://example.com", text: "x" }],
      images: [{ src: "https://example.com/a.png", alt: "graph" }],
      client: "Prometheus",
      client_url: "https://prometheus.example.com",
    };
    const answer = await post(body);
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ status: "success", message: "Event processed" });
    expect((answer.body as { dedup_key: string }).dedup_key).toMatch(/^[0-9a-f]{32}$/);
  });
});
