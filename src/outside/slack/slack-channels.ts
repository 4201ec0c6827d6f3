import type { WebClient } from "@slack/web-api";
import { isNameOrSuffixed, withCollisionSuffix } from "../../features/war-room/channel-name.js";
import { topicNamesIncident } from "../../features/war-room/channel-topic.js";
import { callSlack, defaultRetryPolicy, type RetryPolicy } from "./call-slack.js";
import { platformCode } from "./slack-errors.js";

/**
 * The incident's channel, found by the incident id in its topic (or, if a crash came
 * between creating it and setting the topic, by its name and the bot as creator),
 * never by memory: a redelivered webhook finds the channel instead of opening another.
 */

export interface SlackChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  topic: string;
  creator: string;
}

export interface EnsureChannelInput {
  incidentId: string;
  /** From `channelNameFor`; a taken name gets `-2`, `-3`… */
  name: string;
  isPrivate: boolean;
}

/** Names tried before giving up on `name_taken` (someone squatting `inc-…-2` to `-20`). */
const MAX_NAME_ATTEMPTS = 20;

type RawChannel = {
  id?: string;
  name?: string;
  is_private?: boolean;
  is_archived?: boolean;
  creator?: string;
  topic?: { value?: string };
};

function toChannel(raw: RawChannel | undefined): SlackChannel {
  return {
    id: raw?.id ?? "",
    name: raw?.name ?? "",
    isPrivate: raw?.is_private === true,
    isArchived: raw?.is_archived === true,
    topic: raw?.topic?.value ?? "",
    creator: raw?.creator ?? "",
  };
}

export function createSlackChannels(web: WebClient, policy: RetryPolicy = defaultRetryPolicy) {
  let botUserId: Promise<string> | null = null;
  const me = () => {
    botUserId ??= callSlack("auth.test", () => web.auth.test(), policy).then(
      (answer) => answer.user_id ?? "",
    );
    return botUserId;
  };

  async function allChannels(): Promise<SlackChannel[]> {
    const found: SlackChannel[] = [];
    let cursor: string | undefined;
    do {
      const page = await callSlack(
        "conversations.list",
        () =>
          web.conversations.list({
            types: "public_channel,private_channel",
            limit: 200,
            ...(cursor ? { cursor } : {}),
          }),
        policy,
      );
      for (const raw of page.channels ?? []) found.push(toChannel(raw));
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return found;
  }

  async function findIncidentChannel(incidentId: string, name: string): Promise<SlackChannel | null> {
    const channels = await allChannels();
    const byTopic = channels.filter((channel) => topicNamesIncident(channel.topic, incidentId));
    const live = byTopic.find((channel) => !channel.isArchived) ?? byTopic[0];
    if (live) return live;
    const bot = await me();
    return (
      channels.find(
        (channel) => channel.topic === "" && channel.creator === bot && isNameOrSuffixed(channel.name, name),
      ) ?? null
    );
  }

  async function ensureChannel(
    input: EnsureChannelInput,
  ): Promise<{ channel: SlackChannel; created: boolean }> {
    const existing = await findIncidentChannel(input.incidentId, input.name);
    if (existing) return { channel: existing, created: false };
    return openChannel(input);
  }

  /**
   * A new channel for the incident, next to an archived one when it cannot be
   * unarchived (the archived name stays taken, so this one is `-2`, `-3`…).
   */
  async function openChannel(
    input: EnsureChannelInput,
  ): Promise<{ channel: SlackChannel; created: boolean }> {
    for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
      const name = withCollisionSuffix(input.name, attempt);
      try {
        const answer = await callSlack(
          "conversations.create",
          () => web.conversations.create({ name, is_private: input.isPrivate }),
          policy,
        );
        return { channel: toChannel(answer.channel), created: true };
      } catch (error) {
        if (platformCode(error) !== "name_taken") throw error;
        // Another replica may have just made it (topic not yet set): use that one.
        const raced = await findIncidentChannel(input.incidentId, input.name);
        if (raced && !raced.isArchived) return { channel: raced, created: false };
      }
    }
    throw new Error(`No free Slack channel name for ${input.incidentId} after ${MAX_NAME_ATTEMPTS} tries`);
  }

  /** Writes the topic only when it differs (compare before write). */
  async function setTopic(channel: SlackChannel, topic: string): Promise<boolean> {
    if (channel.topic === topic) return false;
    await callSlack(
      "conversations.setTopic",
      () => web.conversations.setTopic({ channel: channel.id, topic }),
      policy,
    );
    return true;
  }

  /** Invites those not yet members; returns whom it invited. */
  async function invite(channelId: string, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const answer = await callSlack(
      "conversations.members",
      () => web.conversations.members({ channel: channelId, limit: 1000 }),
      policy,
    );
    const members = new Set(answer.members ?? []);
    const fresh = userIds.filter((id) => !members.has(id));
    if (fresh.length === 0) return [];
    await callSlack(
      "conversations.invite",
      () => web.conversations.invite({ channel: channelId, users: fresh.join(",") }),
      policy,
    );
    return fresh;
  }

  /** One channel by id (the one a command was typed in); null when the bot cannot see it. */
  async function channelInfo(channelId: string): Promise<SlackChannel | null> {
    try {
      const answer = await callSlack(
        "conversations.info",
        () => web.conversations.info({ channel: channelId }),
        policy,
      );
      return toChannel(answer.channel);
    } catch (error) {
      if (platformCode(error) === "channel_not_found") return null;
      throw error;
    }
  }

  async function rename(channelId: string, name: string): Promise<void> {
    await callSlack(
      "conversations.rename",
      () => web.conversations.rename({ channel: channelId, name }),
      policy,
    );
  }

  /** Archiving twice is done, not an error. */
  async function archive(channelId: string): Promise<void> {
    try {
      await callSlack(
        "conversations.archive",
        () => web.conversations.archive({ channel: channelId }),
        policy,
      );
    } catch (error) {
      if (platformCode(error) !== "already_archived") throw error;
    }
  }

  /**
   * Brings an archived channel back. Slack documents that bot tokens cannot do this yet
   * (they are answered `not_in_channel`): false then, and the caller opens another channel.
   */
  async function unarchive(channelId: string): Promise<boolean> {
    try {
      await callSlack(
        "conversations.unarchive",
        () => web.conversations.unarchive({ channel: channelId }),
        policy,
      );
      return true;
    } catch (error) {
      const code = platformCode(error);
      if (code === "not_archived") return true;
      if (code === "not_in_channel") return false;
      throw error;
    }
  }

  return {
    botUserId: me,
    findIncidentChannel,
    ensureChannel,
    openChannel,
    unarchive,
    channelInfo,
    setTopic,
    invite,
    rename,
    archive,
  };
}

export type SlackChannels = ReturnType<typeof createSlackChannels>;
