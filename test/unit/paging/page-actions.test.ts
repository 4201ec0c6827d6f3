import { describe, expect, it } from "vitest";
import type { NotifyEvent } from "../../../src/config/outward-schema.js";
import { ConfigSchema } from "../../../src/config/schema.js";
import type { ChatNotice } from "../../../src/features/outward/chat-notice.js";
import { pageActions } from "../../../src/features/outward/page-actions.js";
import { searchNotice } from "./search-notice.js";

const config = ConfigSchema.parse({
  paging: { service: "pagerduty", pagerduty: { routingKeyFrom: "PD_KEY" } },
});

const notice = (event: NotifyEvent, severity: string, extra: Partial<ChatNotice> = {}) =>
  searchNotice(event, { severity }, extra);

describe("what the paging service is told", () => {
  it("pages per the severity's mode: SEV-1 high urgency, SEV-3 low, SEV-4 nothing", () => {
    expect(pageActions([notice("declared", "SEV-1")], config)).toEqual([
      expect.objectContaining({ action: "trigger", urgency: "high", severityRank: 0, service: "search" }),
    ]);
    expect(pageActions([notice("declared", "SEV-3")], config)).toEqual([
      expect.objectContaining({ action: "trigger", urgency: "low", severityRank: 2 }),
    ]);
    expect(pageActions([notice("declared", "SEV-4")], config)).toEqual([]);
  });

  it("pages again only when the severity goes up", () => {
    const up = notice("severity", "SEV-1", { severities: ["SEV-1", "SEV-3"] });
    const down = notice("severity", "SEV-3", { severities: ["SEV-3", "SEV-1"] });
    expect(pageActions([up], config).map((a) => a.action)).toEqual(["trigger"]);
    expect(pageActions([down], config)).toEqual([]);
  });

  it("acknowledges and resolves, but never echoes what came from the paging service", () => {
    const acts = pageActions(
      [
        notice("acknowledged", "SEV-1"),
        notice("resolved", "SEV-1"),
        notice("acknowledged", "SEV-1", { fromPaging: true }),
      ],
      config,
    );
    expect(acts).toEqual([
      { action: "acknowledge", incidentId: "INC-20260203-001", dedupKey: "INC-20260203-001" },
      { action: "resolve", incidentId: "INC-20260203-001", dedupKey: "INC-20260203-001" },
    ]);
  });

  it("pages an escalation level on its own key, and acknowledges and resolves every page of the incident", () => {
    const level = { key: "escalation-1", to: ["carol"], urgent: false };
    expect(pageActions([notice("escalation", "SEV-1", { page: level })], config)).toEqual([
      expect.objectContaining({
        action: "trigger",
        dedupKey: "INC-20260203-001:escalation-1",
        urgency: "high",
        to: ["carol"],
      }),
    ]);
    // A notify severity escalates at low urgency; a notify turned page is urgent; /escalate pages nobody.
    expect(pageActions([notice("escalation", "SEV-3", { page: level })], config)[0]).toMatchObject({
      urgency: "low",
    });
    const urgent = { key: "page", to: ["alice"], urgent: true };
    expect(pageActions([notice("escalation", "SEV-4", { page: urgent })], config)[0]).toMatchObject({
      urgency: "high",
      dedupKey: "INC-20260203-001:page",
    });
    expect(pageActions([notice("escalation", "SEV-1")], config)).toEqual([]);
    const keys = ["escalation-1"];
    expect(
      pageActions([notice("resolved", "SEV-1", { pageKeys: keys })], config).map((a) => a.dedupKey),
    ).toEqual(["INC-20260203-001", "INC-20260203-001:escalation-1"]);
    // Acknowledged in the paging service on one of several pages: every page hears it.
    expect(
      pageActions([notice("acknowledged", "SEV-1", { pageKeys: keys, fromPaging: true })], config).map(
        (a) => a.dedupKey,
      ),
    ).toEqual(["INC-20260203-001", "INC-20260203-001:escalation-1"]);
  });

  it("keeps a security incident's details off the page, and sends nothing with paging off", () => {
    const secret = notice("declared", "SEV-1", {
      incident: { ...notice("declared", "SEV-1").incident, security: true },
    });
    expect(pageActions([secret], config)[0]).toMatchObject({ title: "Security incident", summary: "" });
    expect(pageActions([notice("declared", "SEV-1")], ConfigSchema.parse({}))).toEqual([]);
  });
});
