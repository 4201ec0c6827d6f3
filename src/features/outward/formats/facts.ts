import type { ChatNotice } from "../chat-notice.js";

/** The facts every format shows beside the headline, in this order. */
export function noticeFacts(notice: ChatNotice): Array<[string, string]> {
  const { incident } = notice;
  return [
    ["Severity", incident.severity ?? "—"],
    ["Status", incident.status],
    ["Incident commander", incident.commander ?? "nobody yet"],
    ["Services", incident.services.join(", ") || "not named"],
  ];
}

/** The line under the message: when and by whom. */
export function noticeByline(notice: ChatNotice): string {
  return notice.by ? `${notice.time} · by ${notice.by}` : notice.time;
}
