import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPagerDutyEvents } from "../../../src/outside/paging/pagerduty-events.js";
import { describePagingFailure } from "../../../src/outside/paging/paging-service.js";
import {
  type PagerDutyReceiver,
  startPagerDutyReceiver,
} from "../../support/receivers/pagerduty-receiver.js";
import { instantRetries, pageRequest } from "./page-request.js";

let receiver: PagerDutyReceiver;
const routingKey = randomBytes(16).toString("hex");

beforeEach(async () => {
  receiver = await startPagerDutyReceiver();
});
afterEach(() => receiver.close());

function client(delays: number[] = []) {
  return createPagerDutyEvents({ routingKey, baseUrl: receiver.url, retry: instantRetries(delays) });
}

describe("PagerDuty Events API v2 client", () => {
  it("triggers, acknowledges and resolves one incident keyed by the incident id", async () => {
    const pagerDuty = client();
    const triggered = await pagerDuty.trigger(pageRequest());
    expect(triggered).toEqual({
      provider: "pagerduty",
      action: "trigger",
      incidentId: "INC-20260203-001",
      attempts: 1,
      ok: true,
      reference: "INC-20260203-001",
    });
    expect(receiver.events[0]).toEqual({
      routing_key: routingKey,
      event_action: "trigger",
      dedup_key: "INC-20260203-001",
      payload: {
        summary: "[INC-20260203-001] SEV-1: Search returns no results",
        source: "acme/search",
        severity: "critical",
        timestamp: "2026-02-03T14:23:07.123Z",
        component: "search",
        group: "acme/search",
        class: "SEV-1",
        custom_details: {
          incident: "INC-20260203-001",
          severity: "SEV-1",
          issue: "https://github.com/acme/search/issues/42",
          summary: "42% of searches returned no results.",
        },
      },
      links: [
        { href: "https://github.com/acme/search/issues/42", text: "INC-20260203-001 on GitHub" },
        { href: "https://runbooks.example.com/search/zero-results", text: "Runbook" },
      ],
    });
    await pagerDuty.trigger(pageRequest());
    expect((await pagerDuty.acknowledge("INC-20260203-001")).ok).toBe(true);
    expect(receiver.incidents).toMatchObject([
      { dedupKey: "INC-20260203-001", status: "acknowledged", triggers: 2 },
    ]);
    expect((await pagerDuty.resolve("INC-20260203-001")).ok).toBe(true);
    expect(receiver.incidents[0]?.status).toBe("resolved");
    expect(receiver.events.map((event) => event.event_action)).toEqual([
      "trigger",
      "trigger",
      "acknowledge",
      "resolve",
    ]);
  });

  it("maps severities and keeps notify-only pages low urgency", async () => {
    const pagerDuty = client();
    await pagerDuty.trigger(
      pageRequest({ incidentId: "INC-20260203-002", severity: "SEV-2", severityRank: 1 }),
    );
    await pagerDuty.trigger(
      pageRequest({ incidentId: "INC-20260203-003", severity: "SEV-1", urgency: "low" }),
    );
    await pagerDuty.trigger(
      pageRequest({ incidentId: "INC-20260203-004", severity: "SEV-4", severityRank: 3 }),
    );
    expect(receiver.events.map((event) => event.payload?.severity)).toEqual(["error", "warning", "info"]);
  });

  it("cuts the summary to PagerDuty's 1,024 characters", async () => {
    await client().trigger(pageRequest({ title: "x".repeat(2000) }));
    const summary = receiver.events[0]?.payload?.summary ?? "";
    expect(summary).toHaveLength(1024);
    expect(summary.endsWith("…")).toBe(true);
  });

  it("waits as Retry-After asks on 429, then delivers", async () => {
    receiver.failNext(2, { status: 429, headers: { "retry-after": "2" } });
    const delays: number[] = [];
    const result = await client(delays).trigger(pageRequest());
    expect(result).toMatchObject({ ok: true, attempts: 3 });
    expect(delays).toEqual([2000, 2000]);
    expect(receiver.requests).toHaveLength(3);
  });

  it("backs off exponentially on 5xx and reports the final failure as data", async () => {
    receiver.failNext(4, { status: 500, body: { status: "error", message: "Internal error" } });
    const delays: number[] = [];
    const result = await client(delays).trigger(pageRequest());
    expect(result).toMatchObject({ ok: false, attempts: 4, failure: { kind: "gave-up", status: 500 } });
    expect(delays).toEqual([500, 1000, 2000]);
    if (result.ok) throw new Error("expected a failure");
    expect(describePagingFailure(result)).toBe(
      "PagerDuty did not take the trigger for INC-20260203-001 after 4 attempts: HTTP 500: Internal error.",
    );
  });

  it("does not retry an invalid event and says what PagerDuty said", async () => {
    const pagerDuty = createPagerDutyEvents({
      routingKey: "too-short",
      baseUrl: receiver.url,
      retry: instantRetries(),
    });
    const result = await pagerDuty.trigger(pageRequest());
    expect(result).toMatchObject({
      ok: false,
      attempts: 1,
      failure: {
        kind: "rejected",
        status: 400,
        message: "Event object is invalid",
        errors: ["'routing_key' is incorrect (should be 32 characters)"],
      },
    });
  });

  it("gives up on a service that does not answer", async () => {
    await receiver.close();
    const result = await client().acknowledge("INC-20260203-001");
    expect(result).toMatchObject({ ok: false, attempts: 4, failure: { kind: "gave-up", status: null } });
    receiver = await startPagerDutyReceiver();
  });
});
