import type { ChatNotice } from "../chat-notice.js";
import { discordEscape, truncate } from "./chat-text.js";
import { noticeByline, noticeFacts } from "./facts.js";

/** Discord webhook: one embed coloured by severity; `allowed_mentions` keeps it from pinging anyone. */
export function discordMessage(notice: ChatNotice): Record<string, unknown> {
  const { incident } = notice;
  const description = [
    discordEscape(truncate(incident.title, 300)),
    notice.detail ? `> ${discordEscape(truncate(notice.detail, 3000))}` : null,
  ]
    .filter(Boolean)
    .join("\n\n");
  return {
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title: truncate(notice.headline, 256),
        url: notice.link,
        description,
        color: Number.parseInt(incident.color, 16),
        fields: noticeFacts(notice).map(([name, value]) => ({
          name,
          value: discordEscape(truncate(value, 200)),
          inline: true,
        })),
        timestamp: notice.at.toISOString(),
        footer: { text: truncate(noticeByline(notice), 200) },
      },
    ],
  };
}
