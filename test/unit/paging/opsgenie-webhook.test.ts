import { describe, expect, it } from "vitest";
import { parseOpsgenieWebhook } from "../../../src/outside/paging/opsgenie-webhook.js";

/** Opsgenie's documented alert action data for an acknowledgement made on the web. */
const ACK = {
  source: { name: "", type: "web" },
  alert: {
    updatedAt: 1420452224764002000,
    tags: ["tag1", "tag2"],
    message: "[INC-20260203-001] SEV-1: Search returns no results",
    username: "alice@example.com",
    alertId: "052652ac-5d1c-464a-812a-7dd18bbfba8c",
    source: "incident-app",
    alias: "INC-20260203-001:escalation-1",
    tinyId: "23",
    createdAt: 1420452191104,
    userId: "daed1180-0ce8-438b-8f8e-57e1a5920a2d",
    entity: "",
  },
  action: "Acknowledge",
  integrationId: "37c8f316-17c6-49d7-899b-9c7e540c048d",
  integrationName: "Integration1",
};

describe("Opsgenie's Webhook integration, read", () => {
  it("reads who acknowledged which incident (mapped, or named as in Opsgenie)", () => {
    expect(parseOpsgenieWebhook(ACK, { "alice@example.com": "@alice" })).toEqual({
      ok: true,
      fact: {
        kind: "acknowledged",
        incidentId: "INC-20260203-001",
        by: { login: "alice", name: "alice@example.com" },
        eventId: "052652ac-5d1c-464a-812a-7dd18bbfba8c:Acknowledge:1420452224764002000",
      },
    });
    const closed = parseOpsgenieWebhook({ ...ACK, action: "Close" }, {});
    expect(closed).toMatchObject({ ok: true, fact: { kind: "resolved", by: { login: null } } });
  });

  it("ignores other actions and the Alert API's own; names a missing field", () => {
    expect(parseOpsgenieWebhook({ ...ACK, action: "AddNote" }, {})).toMatchObject({
      ok: true,
      fact: { kind: "ignored" },
    });
    expect(parseOpsgenieWebhook({ ...ACK, source: { name: "incident-app", type: "API" } }, {})).toMatchObject(
      {
        ok: true,
        fact: { kind: "acknowledged", by: null },
      },
    );
    expect(parseOpsgenieWebhook({ action: "Acknowledge", alert: {} }, {})).toEqual({
      ok: false,
      problems: [expect.objectContaining({ path: "alert.alertId" })],
    });
  });
});
