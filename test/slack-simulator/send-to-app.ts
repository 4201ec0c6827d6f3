import { createHmac } from "node:crypto";

/**
 * What Slack sends an app, signed the way Slack signs it: `X-Slack-Signature:
 * v0=<hex HMAC-SHA256 of "v0:{timestamp}:{raw body}">` with the signing secret, and
 * `X-Slack-Request-Timestamp` in seconds. Overrides make bad and stale deliveries.
 */

export interface SignOverrides {
  /** Seconds since the epoch; an old one makes a stale request. */
  timestamp?: number;
  /** Sign with another secret (a forged request). */
  signingSecret?: string;
  /** Send this signature header as is. */
  signature?: string;
}

/** What the app answered, and how long it took (Slack gives up after 3 seconds). */
export interface Delivery {
  kind: "slash-command" | "event";
  url: string;
  body: string;
  status: number;
  responseText: string;
  ms: number;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export async function deliver(
  kind: Delivery["kind"],
  url: string,
  body: string,
  contentType: string,
  secret: string,
  nowSeconds: number,
  overrides: SignOverrides = {},
): Promise<Delivery> {
  const timestamp = overrides.timestamp ?? nowSeconds;
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature":
        overrides.signature ?? signature(overrides.signingSecret ?? secret, timestamp, body),
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const responseText = await response.text();
  return { kind, url, body, status: response.status, responseText, ms: performance.now() - started };
}

export interface SlashCommandInput {
  command?: string;
  text: string;
  userId: string;
  channelId: string;
}

/** The form fields of a slash command, as Slack posts them. */
export function slashCommandForm(
  input: SlashCommandInput,
  parts: {
    team: { id: string; domain: string };
    userName: string;
    channelName: string;
    responseUrl: string;
    triggerId: string;
  },
): string {
  return new URLSearchParams({
    token: "sim-verification-token",
    team_id: parts.team.id,
    team_domain: parts.team.domain,
    channel_id: input.channelId,
    channel_name: parts.channelName,
    user_id: input.userId,
    user_name: parts.userName,
    command: input.command ?? "/incident",
    text: input.text,
    api_app_id: "A0SIMAPP01",
    is_enterprise_install: "false",
    response_url: parts.responseUrl,
    trigger_id: parts.triggerId,
  }).toString();
}

/** An Events API `event_callback` carrying a `message` event. */
export function messageEventBody(
  message: { channel: string; user: string; text: string; ts: string; channelType: "channel" | "group" },
  parts: { teamId: string; eventId: string; eventTime: number },
): string {
  return JSON.stringify({
    token: "sim-verification-token",
    team_id: parts.teamId,
    api_app_id: "A0SIMAPP01",
    event: {
      type: "message",
      channel: message.channel,
      user: message.user,
      text: message.text,
      ts: message.ts,
      event_ts: message.ts,
      channel_type: message.channelType,
    },
    type: "event_callback",
    event_id: parts.eventId,
    event_time: parts.eventTime,
    authorizations: [{ team_id: parts.teamId, user_id: "U0SIMBOT1", is_bot: true }],
  });
}
