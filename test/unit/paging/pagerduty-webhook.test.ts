import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPagerDutyEvents } from "../../../src/outside/paging/pagerduty-events.js";
import { describeActor, parsePagerDutyWebhook } from "../../../src/outside/paging/pagerduty-webhook.js";
import { verifyPagerDutySignature } from "../../../src/outside/verify-signature.js";
import { type ReceivedRequest, type Receiver, startReceiver } from "../../support/receivers/http-receiver.js";
import {
  type PagerDutyReceiver,
  startPagerDutyReceiver,
} from "../../support/receivers/pagerduty-receiver.js";
import { instantRetries, pageRequest } from "./page-request.js";

const secret = randomBytes(24).toString("base64");
const users = { PALICE1: "alice", "Bob Example": "@bob" };
let pagerDuty: PagerDutyReceiver;
let app: Receiver;

beforeAll(async () => {
  pagerDuty = await startPagerDutyReceiver();
  app = await startReceiver(() => ({ status: 200, body: {} }));
  const client = createPagerDutyEvents({
    routingKey: randomBytes(16).toString("hex"),
    baseUrl: pagerDuty.url,
    retry: instantRetries(),
  });
  await client.trigger(pageRequest());
});
afterAll(async () => {
  await pagerDuty.close();
  await app.close();
});

async function webhook(
  eventType: "incident.acknowledged" | "incident.resolved",
  agent: { id: string; name: string } | null,
  secrets = [secret],
): Promise<ReceivedRequest> {
  const response = await pagerDuty.sendWebhook({
    url: `${app.url}/paging/pagerduty`,
    secrets,
    eventType,
    dedupKey: "INC-20260203-001",
    agent,
  });
  expect(response.status).toBe(200);
  return app.requests.at(-1)!;
}

describe("PagerDuty v3 webhooks back to the app", () => {
  it("acknowledged by a mapped user: signed, parsed, named by GitHub login", async () => {
    const request = await webhook("incident.acknowledged", { id: "PALICE1", name: "Alice Example" });
    const signature = request.headers["x-pagerduty-signature"] as string;
    expect(verifyPagerDutySignature([secret], request.raw, signature)).toBe(true);
    expect(verifyPagerDutySignature([randomBytes(24).toString("base64")], request.raw, signature)).toBe(
      false,
    );
    const result = parsePagerDutyWebhook(request.body, users);
    expect(result).toMatchObject({
      ok: true,
      fact: {
        kind: "acknowledged",
        incidentId: "INC-20260203-001",
        pagerDutyIncident: { number: 1 },
        by: { kind: "person", pagerDutyId: "PALICE1", name: "Alice Example", githubLogin: "alice" },
      },
    });
    if (result.ok && result.fact.kind !== "ignored") expect(describeActor(result.fact.by)).toBe("@alice");
    expect(pagerDuty.incidents[0]?.status).toBe("acknowledged");
  });

  it("maps by PagerDuty name too, and names an unmapped person without guessing", async () => {
    const mapped = parsePagerDutyWebhook(
      (await webhook("incident.resolved", { id: "PBOB", name: "Bob Example" })).body,
      users,
    );
    expect(mapped.ok && mapped.fact.kind === "resolved" && mapped.fact.by).toMatchObject({
      githubLogin: "bob",
    });
    const request = await webhook("incident.resolved", { id: "PCAROL", name: "alice" }, [
      randomBytes(8).toString("hex"),
      secret,
    ]);
    expect(
      verifyPagerDutySignature([secret], request.raw, request.headers["x-pagerduty-signature"] as string),
    ).toBe(true);
    const unmapped = parsePagerDutyWebhook(request.body, users);
    if (!unmapped.ok || unmapped.fact.kind === "ignored") throw new Error("expected a fact");
    expect(unmapped.fact.by).toEqual({
      kind: "person",
      pagerDutyId: "PCAROL",
      name: "alice",
      githubLogin: null,
    });
    expect(describeActor(unmapped.fact.by)).toBe("alice (PagerDuty)");
  });

  it("tells integrations apart from people, so the app does not echo its own resolve", async () => {
    const body = (await webhook("incident.resolved", null)).body as { event: Record<string, unknown> };
    body.event.agent = { id: "PSVC", type: "service_reference", summary: "incident-app integration" };
    const result = parsePagerDutyWebhook(body, users);
    expect(result.ok && result.fact.kind === "resolved" && result.fact.by).toEqual({
      kind: "integration",
      name: "incident-app integration",
    });
  });

  it("ignores other event types and names problems in a malformed body", () => {
    const ping = {
      event: {
        id: "E1",
        event_type: "pagey.ping",
        occurred_at: "2026-02-03T14:30:00Z",
        agent: null,
        data: null,
      },
    };
    expect(parsePagerDutyWebhook(ping, users)).toEqual({
      ok: true,
      fact: {
        kind: "ignored",
        eventType: "pagey.ping",
        reason: "not an acknowledgement or resolution",
        eventId: "E1",
      },
    });
    const bad = parsePagerDutyWebhook(
      { event: { id: "E2", event_type: "incident.resolved", occurred_at: "soon" } },
      users,
    );
    expect(bad).toEqual({
      ok: false,
      problems: [{ path: "event.occurred_at", message: "expected an ISO 8601 time" }],
    });
  });

  it("finds the incident id in the title when incident_key is missing", () => {
    const body = {
      event: {
        id: "E3",
        event_type: "incident.acknowledged",
        occurred_at: "2026-02-03T14:30:00+01:00",
        agent: { id: "PALICE1", type: "user_reference", summary: "Alice Example" },
        data: { id: "Q1", title: "[INC-20260203-007] SEV-2: Checkout slow", incident_key: null },
      },
    };
    const result = parsePagerDutyWebhook(body, users);
    expect(
      result.ok && result.fact.kind === "acknowledged" && [result.fact.incidentId, result.fact.occurredAt],
    ).toEqual(["INC-20260203-007", "2026-02-03T13:30:00.000Z"]);
  });
});
