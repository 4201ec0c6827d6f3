import type { ChatType } from "../../../config/outward-schema.js";
import type { ChatNotice } from "../chat-notice.js";
import { discordMessage } from "./discord.js";
import { slackMessage } from "./slack.js";
import { teamsMessage } from "./teams.js";
import { webhookMessage } from "./webhook.js";

/** The body each kind of target is sent for a notice, in its native format. */
export const FORMATS: Record<ChatType, (notice: ChatNotice) => Record<string, unknown>> = {
  slack: slackMessage,
  teams: teamsMessage,
  discord: discordMessage,
  webhook: webhookMessage,
};
