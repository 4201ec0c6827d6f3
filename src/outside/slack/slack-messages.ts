import type { WebClient } from "@slack/web-api";
import { type MirrorMetadata, type MirrorWrite, readMirrorKey } from "../../features/war-room/mirror-plan.js";
import type { MirroredMessage } from "../../features/war-room/war-room-types.js";
import { callSlack, defaultRetryPolicy, type RetryPolicy } from "./call-slack.js";
import { platformCode } from "./slack-errors.js";

/**
 * Messages in the incident's channel. Each message the app posts for an incident
 * carries its key in Slack message metadata, so it is found again by reading the
 * channel (`include_all_metadata`), not remembered.
 */

type RawMessage = { ts?: string; text?: string; user?: string; metadata?: unknown };

export function createSlackMessages(web: WebClient, policy: RetryPolicy = defaultRetryPolicy) {
  /** The app's own keyed messages for this incident (others' metadata is not trusted). */
  async function keyedMessages(
    channelId: string,
    incidentId: string,
    botUserId: string,
  ): Promise<MirroredMessage[]> {
    const found: MirroredMessage[] = [];
    let cursor: string | undefined;
    do {
      const page = await callSlack(
        "conversations.history",
        () =>
          web.conversations.history({
            channel: channelId,
            include_all_metadata: true,
            limit: 200,
            ...(cursor ? { cursor } : {}),
          }),
        policy,
      );
      for (const raw of (page.messages ?? []) as RawMessage[]) {
        const key = raw.user === botUserId ? readMirrorKey(raw.metadata, incidentId) : null;
        if (key !== null && raw.ts) found.push({ key, ts: raw.ts, text: raw.text ?? "" });
      }
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return found;
  }

  async function post(channelId: string, text: string, metadata?: MirrorMetadata): Promise<string> {
    const answer = await callSlack(
      "chat.postMessage",
      () => web.chat.postMessage({ channel: channelId, text, ...(metadata ? { metadata } : {}) }),
      policy,
    );
    return answer.ts ?? "";
  }

  async function update(
    channelId: string,
    ts: string,
    text: string,
    metadata?: MirrorMetadata,
  ): Promise<void> {
    await callSlack(
      "chat.update",
      () => web.chat.update({ channel: channelId, ts, text, ...(metadata ? { metadata } : {}) }),
      policy,
    );
  }

  /** Pinning twice is done, not an error. */
  async function pin(channelId: string, ts: string): Promise<void> {
    try {
      await callSlack("pins.add", () => web.pins.add({ channel: channelId, timestamp: ts }), policy);
    } catch (error) {
      if (platformCode(error) !== "already_pinned") throw error;
    }
  }

  /** Applies a mirror plan in order; returns the ts of each posted key. */
  async function applyMirror(
    channelId: string,
    writes: readonly MirrorWrite[],
  ): Promise<Map<string, string>> {
    const posted = new Map<string, string>();
    for (const write of writes) {
      if (write.kind === "post") posted.set(write.key, await post(channelId, write.text, write.metadata));
      else await update(channelId, write.ts, write.text, write.metadata);
    }
    return posted;
  }

  async function postEphemeral(channelId: string, userId: string, text: string): Promise<void> {
    await callSlack(
      "chat.postEphemeral",
      () => web.chat.postEphemeral({ channel: channelId, user: userId, text }),
      policy,
    );
  }

  /** A Slack user id by e-mail, or null when nobody has it (needs `users:read.email`). */
  async function userIdByEmail(email: string): Promise<string | null> {
    try {
      const answer = await callSlack("users.lookupByEmail", () => web.users.lookupByEmail({ email }), policy);
      return answer.user?.id ?? null;
    } catch (error) {
      if (platformCode(error) === "users_not_found") return null;
      throw error;
    }
  }

  return { keyedMessages, post, update, pin, applyMirror, postEphemeral, userIdByEmail };
}

export type SlackMessages = ReturnType<typeof createSlackMessages>;
