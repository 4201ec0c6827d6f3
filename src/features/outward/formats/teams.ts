import type { ChatNotice } from "../chat-notice.js";
import { truncate } from "./chat-text.js";
import { noticeByline, noticeFacts } from "./facts.js";

const ATTENTION = new Set(["declared", "severity", "escalation", "reopened"]);

/** Microsoft Teams incoming webhook (Workflows): a message holding one Adaptive Card. */
export function teamsMessage(notice: ChatNotice): Record<string, unknown> {
  const { incident } = notice;
  const color = notice.event === "resolved" ? "Good" : ATTENTION.has(notice.event) ? "Attention" : "Default";
  const actions = [{ type: "Action.OpenUrl", title: "Open incident", url: incident.url }];
  if (notice.link !== incident.url)
    actions.push({ type: "Action.OpenUrl", title: "View comment", url: notice.link });
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            {
              type: "TextBlock",
              text: truncate(notice.headline, 200),
              weight: "Bolder",
              size: "Medium",
              color,
              wrap: true,
            },
            { type: "TextBlock", text: truncate(incident.title, 300), wrap: true },
            {
              type: "FactSet",
              facts: noticeFacts(notice).map(([title, value]) => ({
                title,
                value: truncate(value, 200),
              })),
            },
            ...(notice.detail
              ? [{ type: "TextBlock", text: truncate(notice.detail, 2000), wrap: true }]
              : []),
            {
              type: "TextBlock",
              text: noticeByline(notice),
              isSubtle: true,
              size: "Small",
              wrap: true,
            },
          ],
          actions,
        },
      },
    ],
  };
}
