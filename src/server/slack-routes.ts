import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "probot";
import type { WarRoomDeps } from "../outside/slack/slack-deps.js";
import { verifySlackRequest } from "../outside/slack/verify-slack-request.js";
import type { SlackInbound } from "../pipelines/slack-inbound.js";

/**
 * `POST /slack/commands` (the `/incident` slash command) and `POST /slack/events`
 * (Events API: messages in channels the bot is in). Each request is checked with the
 * signing secret through Bolt's verification (bad signature or a timestamp older than
 * five minutes → 401, nothing done), acknowledged at once (Slack's 3-second rule), and
 * only then worked on, in the background.
 */
export const SLACK_COMMANDS_PATH = "/slack/commands";
export const SLACK_EVENTS_PATH = "/slack/events";
/** Slack's payloads are small; anything bigger is not from Slack. */
const MAX_BODY_BYTES = 64 * 1024;

export interface SlackRoutesOptions {
  warRoom: WarRoomDeps;
  handle: (inbound: SlackInbound) => Promise<void>;
  log: Logger;
}

export function slackRoutes(options: SlackRoutesOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== SLACK_COMMANDS_PATH && path !== SLACK_EVENTS_PATH) return false;
    if (req.method !== "POST") return answer(res, 405, { error: "POST only" });
    const rawBody = await readBody(req);
    if (rawBody === null) return answer(res, 413, { error: "too large" });
    const signingSecret = options.warRoom.signingSecret();
    if (!signingSecret) {
      options.log.warn("slack: a request came but SLACK_SIGNING_SECRET is not set; refused");
      return answer(res, 401, { error: "not configured" });
    }
    const check = verifySlackRequest({
      signingSecret,
      rawBody,
      headers: req.headers,
      nowMs: options.warRoom.now(),
    });
    if (!check.ok) {
      options.log.warn({ reason: check.reason, path }, "slack: request refused");
      return answer(res, 401, { error: check.reason });
    }
    // Slack sends an event again when it did not see our answer in time: say so, to check.
    const retry = req.headers["x-slack-retry-num"] !== undefined;
    const inbound = path === SLACK_COMMANDS_PATH ? slashCommand(rawBody) : eventOf(rawBody, retry);
    if (inbound?.kind === "challenge") return answer(res, 200, { challenge: inbound.challenge });
    // Acknowledge first: Slack gives up after three seconds.
    res.writeHead(200).end();
    if (inbound)
      options.warRoom.background.run(
        () => options.handle(inbound),
        (error) => options.log.error({ err: error }, "slack: handling a request failed"),
      );
    return true;
  };
}

function slashCommand(rawBody: string): SlackInbound | null {
  const form = new URLSearchParams(rawBody);
  const field = (name: string) => form.get(name) ?? "";
  if (!field("user_id") || !field("channel_id") || !field("response_url")) return null;
  return {
    kind: "slash",
    text: field("text"),
    userId: field("user_id"),
    channelId: field("channel_id"),
    channelName: field("channel_name"),
    responseUrl: field("response_url"),
  };
}

type EventBody = {
  type?: string;
  challenge?: string;
  event?: {
    type?: string;
    subtype?: string;
    bot_id?: string;
    user?: string;
    channel?: string;
    text?: string;
    ts?: string;
  };
};

function eventOf(
  rawBody: string,
  retry: boolean,
): SlackInbound | { kind: "challenge"; challenge: string } | null {
  let body: EventBody;
  try {
    body = JSON.parse(rawBody) as EventBody;
  } catch {
    return null;
  }
  if (body.type === "url_verification" && typeof body.challenge === "string")
    return { kind: "challenge", challenge: body.challenge };
  const event = body.event;
  // People's new messages only: not edits, joins, or any bot (the app's own echoes).
  if (body.type !== "event_callback" || event?.type !== "message" || event.subtype || event.bot_id)
    return null;
  if (!event.user || !event.channel || !event.ts || typeof event.text !== "string") return null;
  return {
    kind: "message",
    text: event.text,
    userId: event.user,
    channelId: event.channel,
    ts: event.ts,
    retry,
  };
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function answer(res: ServerResponse, status: number, body: object): true {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  return true;
}
