import type { ChatNotice } from "../chat-notice.js";
import { slackEscape, slackLinkText, truncate } from "./chat-text.js";
import { noticeByline, noticeFacts } from "./facts.js";

/** Slack incoming webhook: Block Kit, with `text` as the notification's fallback. */
export function slackMessage(notice: ChatNotice): Record<string, unknown> {
  const { incident } = notice;
  const buttons = [
    { type: "button", text: { type: "plain_text", text: "Open incident" }, url: incident.url },
  ];
  if (notice.link !== incident.url)
    buttons.push({ type: "button", text: { type: "plain_text", text: "View comment" }, url: notice.link });
  return {
    text: truncate(slackEscape(`${notice.headline} · ${incident.title}`), 300),
    blocks: [
      { type: "header", text: { type: "plain_text", text: truncate(notice.headline, 150), emoji: true } },
      {
        type: "section",
        text: { type: "mrkdwn", text: `*<${incident.url}|${slackLinkText(truncate(incident.title, 200))}>*` },
        fields: noticeFacts(notice).map(([name, value]) => ({
          type: "mrkdwn",
          text: `*${name}*\n${slackEscape(truncate(value, 200))}`,
        })),
      },
      ...(notice.detail
        ? [
            {
              type: "section",
              text: {
                type: "mrkdwn",
                text: `>${slackEscape(truncate(notice.detail, 2900)).replace(/\n/g, "\n>")}`,
              },
            },
          ]
        : []),
      { type: "context", elements: [{ type: "mrkdwn", text: slackEscape(noticeByline(notice)) }] },
      { type: "actions", elements: buttons },
    ],
  };
}
