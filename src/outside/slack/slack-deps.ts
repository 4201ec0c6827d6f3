import { BackgroundWork } from "../background-work.js";
import { callSlack, defaultRetryPolicy, type RetryPolicy } from "./call-slack.js";
import { createSlackChannels, type SlackChannels } from "./slack-channels.js";
import { createSlackMessages, type SlackMessages } from "./slack-messages.js";
import { createSlackWebClient } from "./slack-web-client.js";

/**
 * What the war room takes from outside: the Slack clients (made from the bot token in
 * the environment, never the repository), how it answers a slash command's
 * `response_url`, and the background work its Slack calls run in, so neither a
 * webhook nor Slack's 3-second acknowledgement waits on them.
 */
export interface SlackClients {
  channels: SlackChannels;
  messages: SlackMessages;
}

export interface WarRoomDeps {
  /** Null when `SLACK_BOT_TOKEN` is not set. */
  slack: () => SlackClients | null;
  /** `SLACK_SIGNING_SECRET`: requests from Slack are refused without it. */
  signingSecret: () => string | null;
  /** `SLACK_DECLARE_REPO` (`owner/name`): where `/incident declare` opens incidents. */
  declareRepo: () => string | null;
  /** Posts an ephemeral answer to a slash command's `response_url`. */
  respond: (responseUrl: string, text: string) => Promise<void>;
  background: BackgroundWork;
  now: () => number;
}

export function warRoomDepsFromEnv(
  env: () => NodeJS.ProcessEnv = () => process.env,
  policy: RetryPolicy = defaultRetryPolicy,
): WarRoomDeps {
  // One set of clients per token: the bot's own user id is asked for once.
  let made: { token: string; clients: SlackClients } | null = null;
  return {
    slack: () => {
      const token = env().SLACK_BOT_TOKEN;
      if (!token) return null;
      if (made?.token !== token) {
        const apiUrl = env().SLACK_API_URL;
        const web = createSlackWebClient(token, apiUrl ? { apiUrl } : {});
        made = {
          token,
          clients: { channels: createSlackChannels(web, policy), messages: createSlackMessages(web, policy) },
        };
      }
      return made.clients;
    },
    signingSecret: () => env().SLACK_SIGNING_SECRET || null,
    declareRepo: () => env().SLACK_DECLARE_REPO || null,
    respond: (responseUrl, text) => respondEphemeral(responseUrl, text, policy),
    background: new BackgroundWork(),
    now: () => Date.now(),
  };
}

/** Slack takes up to five answers per `response_url` within 30 minutes. */
export async function respondEphemeral(
  responseUrl: string,
  text: string,
  policy: RetryPolicy,
): Promise<void> {
  await callSlack(
    "response_url",
    async () => {
      const response = await fetch(responseUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ response_type: "ephemeral", replace_original: false, text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
    },
    policy,
  );
}
