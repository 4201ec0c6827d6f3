import { isValidSlackRequest } from "@slack/bolt";

/**
 * Checks that a request came from Slack: `X-Slack-Signature` is the v0 HMAC of
 * `v0:{timestamp}:{raw body}` with the signing secret (checked by Bolt's own helper,
 * in constant time), and the timestamp is within 5 minutes either way, so a captured
 * request cannot be replayed later. Pass the raw body, before any parsing.
 */

export const MAX_REQUEST_AGE_SECONDS = 5 * 60;

export type SlackRequestCheck =
  | { ok: true }
  | { ok: false; reason: "missing-headers" | "stale" | "bad-signature" };

export interface SlackRequestInput {
  signingSecret: string;
  rawBody: string;
  /** Header names in lowercase, as node:http gives them. */
  headers: Record<string, string | string[] | undefined>;
  nowMs: number;
}

export function verifySlackRequest(input: SlackRequestInput): SlackRequestCheck {
  const signature = single(input.headers["x-slack-signature"]);
  const timestampText = single(input.headers["x-slack-request-timestamp"]);
  if (!signature || !timestampText || !/^\d+$/.test(timestampText) || !input.signingSecret)
    return { ok: false, reason: "missing-headers" };
  const timestamp = Number(timestampText);
  if (Math.abs(Math.floor(input.nowMs / 1000) - timestamp) > MAX_REQUEST_AGE_SECONDS)
    return { ok: false, reason: "stale" };
  const valid = isValidSlackRequest({
    signingSecret: input.signingSecret,
    body: input.rawBody,
    headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
    nowMilliseconds: input.nowMs,
  });
  return valid ? { ok: true } : { ok: false, reason: "bad-signature" };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}
