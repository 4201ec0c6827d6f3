import type { NotifyEvent } from "../../../src/config/outward-schema.js";
import type { ChatNotice } from "../../../src/features/outward/chat-notice.js";

/** A notice about the search incident declared at 14:23 (SEV-1, affecting `search` unless told). */
export function searchNotice(
  event: NotifyEvent,
  fields: { severity?: string; services?: string[] } = {},
  extra: Partial<ChatNotice> = {},
): ChatNotice {
  const { severity = "SEV-1", services = ["search"] } = fields;
  return {
    event,
    key: "k",
    at: new Date("2026-02-03T14:23:00Z"),
    time: "14:23 UTC",
    headline: "h",
    detail: "Search is down",
    by: "bob",
    fromPaging: false,
    link: "https://github.com/acme/search/issues/1",
    incident: {
      id: "INC-20260203-001",
      title: "Search is down",
      url: "https://github.com/acme/search/issues/1",
      severity,
      color: "d93f0b",
      status: "investigating",
      commander: null,
      services,
      security: false,
    },
    severities: [severity],
    ...extra,
  };
}
