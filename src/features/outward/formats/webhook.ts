import type { ChatNotice } from "../chat-notice.js";

/** A generic JSON POST: the notice as data, with a one-line `text` for simple receivers. */
export function webhookMessage(notice: ChatNotice): Record<string, unknown> {
  const { incident } = notice;
  return {
    event: `incident.${notice.event}`,
    key: notice.key,
    at: notice.at.toISOString(),
    text: `${notice.headline} · ${incident.title}`,
    headline: notice.headline,
    detail: notice.detail,
    by: notice.by,
    link: notice.link,
    incident: {
      id: incident.id,
      title: incident.title,
      url: incident.url,
      severity: incident.severity,
      status: incident.status,
      commander: incident.commander,
      services: incident.services,
      security: incident.security,
    },
  };
}
