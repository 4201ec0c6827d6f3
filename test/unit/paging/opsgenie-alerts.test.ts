import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOpsgenieAlerts } from "../../../src/outside/paging/opsgenie-alerts.js";
import { describePagingFailure } from "../../../src/outside/paging/paging-service.js";
import { type OpsgenieReceiver, startOpsgenieReceiver } from "../../support/receivers/opsgenie-receiver.js";
import { instantRetries, pageRequest } from "./page-request.js";

let receiver: OpsgenieReceiver;
const apiKey: string = randomUUID();

beforeEach(async () => {
  receiver = await startOpsgenieReceiver(apiKey);
});
afterEach(() => receiver.close());

function client(key = apiKey, delays: number[] = []) {
  return createOpsgenieAlerts({
    apiKey: key,
    baseUrl: receiver.url,
    responders: [
      { type: "team", name: "search-oncall" },
      { type: "user", name: "alice@example.com" },
    ],
    retry: instantRetries(delays),
  });
}

describe("Opsgenie Alert API client", () => {
  it("creates, acknowledges and closes by alias", async () => {
    const opsgenie = client();
    const created = await opsgenie.trigger(pageRequest());
    expect(created).toMatchObject({ provider: "opsgenie", action: "trigger", ok: true, attempts: 1 });
    expect(receiver.alerts[0]?.body).toEqual({
      message: "[INC-20260203-001] SEV-1: Search returns no results",
      alias: "INC-20260203-001",
      description: [
        "42% of searches returned no results.",
        "Incident: https://github.com/acme/search/issues/42",
        "Runbook: https://runbooks.example.com/search/zero-results",
      ].join("\n\n"),
      responders: [
        { type: "team", name: "search-oncall" },
        { type: "user", username: "alice@example.com" },
      ],
      tags: ["incident", "SEV-1"],
      details: {
        incident: "INC-20260203-001",
        severity: "SEV-1",
        issue: "https://github.com/acme/search/issues/42",
      },
      entity: "search",
      source: "incident-app",
      priority: "P1",
    });
    await opsgenie.trigger(pageRequest());
    expect((await opsgenie.acknowledge("INC-20260203-001", "on it")).ok).toBe(true);
    const ack = receiver.requests.at(-1);
    expect(ack?.path).toBe("/v2/alerts/INC-20260203-001/acknowledge");
    expect(ack?.query.get("identifierType")).toBe("alias");
    expect(ack?.headers.authorization).toBe(`GenieKey ${apiKey}`);
    expect(ack?.body).toEqual({ source: "incident-app", note: "on it" });
    expect((await opsgenie.resolve("INC-20260203-001")).ok).toBe(true);
    expect(receiver.requests.at(-1)?.path).toBe("/v2/alerts/INC-20260203-001/close");
    expect(receiver.alerts).toMatchObject([
      { alias: "INC-20260203-001", count: 2, acknowledged: true, status: "closed" },
    ]);
  });

  it("maps severities to priorities, notify-only never above P3", async () => {
    const opsgenie = client();
    await opsgenie.trigger(pageRequest({ incidentId: "INC-20260203-002", severityRank: 1 }));
    await opsgenie.trigger(pageRequest({ incidentId: "INC-20260203-003", urgency: "low" }));
    await opsgenie.trigger(pageRequest({ incidentId: "INC-20260203-004", severityRank: 7 }));
    expect(receiver.alerts.map((alert) => alert.priority)).toEqual(["P2", "P3", "P5"]);
  });

  it("cuts the message to Opsgenie's 130 characters", async () => {
    await client().trigger(pageRequest({ title: "é".repeat(300) }));
    const message = receiver.alerts[0]?.message ?? "";
    expect(message).toHaveLength(130);
    expect(message.endsWith("…")).toBe(true);
  });

  it("reports a refused key without retrying", async () => {
    const result = await client("not-the-key").trigger(pageRequest());
    expect(result).toMatchObject({ ok: false, attempts: 1, failure: { kind: "unauthorized", status: 401 } });
    if (result.ok) throw new Error("expected a failure");
    expect(describePagingFailure(result)).toBe(
      "Opsgenie did not take the trigger for INC-20260203-001: the key was refused (HTTP 401); check the configured key.",
    );
  });

  it("retries 429 with its Retry-After date, then 503, then delivers", async () => {
    receiver.failNext(1, {
      status: 429,
      body: { message: "Rate limit", took: 0, requestId: "r" },
      headers: { "retry-after": new Date(Date.now() + 60_000).toUTCString() },
    });
    receiver.failNext(1, { status: 503 });
    const delays: number[] = [];
    const result = await createOpsgenieAlerts({
      apiKey,
      baseUrl: receiver.url,
      retry: { ...instantRetries(delays), maxDelayMs: 5_000 },
    }).trigger(pageRequest());
    expect(result).toMatchObject({ ok: true, attempts: 3 });
    expect(delays).toEqual([5_000, 1_000]);
  });
});

describe("Opsgenie receiver refuses what Opsgenie documents as invalid", () => {
  async function post(path: string, body: unknown, key = apiKey) {
    const response = await fetch(`${receiver.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `GenieKey ${key}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it("answers 422 naming each bad field", async () => {
    const answer = await post("/v2/alerts", { message: "", priority: "P0", colour: "red", tags: "a" });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      message: "Request body is not processable. Please check the errors.",
      errors: {
        message: "can not be empty",
        priority: "must be one of P1, P2, P3, P4, P5",
        tags: "must be a list",
        colour: "is not a recognised field",
      },
    });
    expect(typeof answer.body.requestId).toBe("string");
    expect((await post("/v2/alerts", { alias: "a" })).body.errors).toEqual({ message: "is required" });
    expect((await post("/v2/alerts/a/close?identifierType=name", {})).status).toBe(422);
    expect((await post("/v2/alerts/a/close?identifierType=alias", { reason: "x" })).status).toBe(422);
  });

  it("answers 401 without the key, 202 with it", async () => {
    expect((await post("/v2/alerts", { message: "m" }, "wrong")).body).toMatchObject({
      message: "Could not authenticate",
    });
    expect((await post("/v2/alerts", { message: "m" })).body).toMatchObject({
      result: "Request will be processed",
    });
  });
});
