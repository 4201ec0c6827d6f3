import { channelNameError } from "./channel-name-rules.js";
import {
  fail,
  flag,
  isResult,
  type MethodContext,
  type MethodHandler,
  type MethodResult,
  ok,
  page,
  text,
  visibleChannel,
} from "./method-context.js";
import { channelObject, type SimChannel } from "./sim-state.js";

/** conversations.*: channels, their topic, members, names and archiving. */

/** A channel the caller must be in to change, and that is not archived. */
function writableChannel(context: MethodContext): SimChannel | MethodResult {
  const channel = visibleChannel(context);
  if (isResult(channel)) return channel;
  if (channel.isArchived) return fail("is_archived");
  if (!channel.members.includes(context.caller.userId)) return fail("not_in_channel");
  return channel;
}

const create: MethodHandler = (context) => {
  const name = text(context.args, "name");
  const problem = channelNameError(context.state, name);
  if (problem) return fail(problem);
  const channel: SimChannel = {
    id: context.nextId("C"),
    name: name as string,
    isPrivate: flag(context.args, "is_private"),
    isArchived: false,
    created: context.nowSeconds(),
    creator: context.caller.userId,
    topic: { value: "", creator: "", last_set: 0 },
    members: [context.caller.userId],
  };
  context.state.channels.set(channel.id, channel);
  return ok({ channel: channelObject(channel) });
};

const setTopic: MethodHandler = (context) => {
  const channel = writableChannel(context);
  if (isResult(channel)) return channel;
  const topic = text(context.args, "topic") ?? "";
  if (topic.length > 250) return fail("too_long");
  channel.topic = { value: topic, creator: context.caller.userId, last_set: context.nowSeconds() };
  context.state.messages.push({
    channel: channel.id,
    ts: context.nextTs(),
    user: context.caller.userId,
    botId: null,
    text: `set the channel topic: ${topic}`,
    blocks: null,
    metadata: null,
    threadTs: null,
    subtype: "channel_topic",
    edited: null,
  });
  return ok({ channel: channelObject(channel) });
};

const invite: MethodHandler = (context) => {
  const channel = writableChannel(context);
  if (isResult(channel)) return channel;
  const users = (text(context.args, "users") ?? "")
    .split(",")
    .map((each) => each.trim())
    .filter(Boolean);
  if (users.length === 0) return fail("no_user");
  if (users.includes(context.caller.userId)) return fail("cant_invite_self");
  const unknown = users.find((each) => !context.state.users.has(each));
  if (unknown)
    return fail("user_not_found", { errors: [{ user: unknown, ok: false, error: "user_not_found" }] });
  const fresh = users.filter((each) => !channel.members.includes(each));
  if (fresh.length === 0) return fail("already_in_channel");
  channel.members.push(...fresh);
  return ok({ channel: channelObject(channel) });
};

const rename: MethodHandler = (context) => {
  const channel = writableChannel(context);
  if (isResult(channel)) return channel;
  const name = text(context.args, "name");
  const problem = channelNameError(context.state, name, channel.id);
  if (problem) return fail(problem);
  channel.name = name as string;
  return ok({ channel: channelObject(channel) });
};

const archive: MethodHandler = (context) => {
  const channel = visibleChannel(context);
  if (isResult(channel)) return channel;
  if (channel.isArchived) return fail("already_archived");
  if (!channel.members.includes(context.caller.userId)) return fail("not_in_channel");
  channel.isArchived = true;
  return ok();
};

/**
 * Slack documents that bot tokens cannot unarchive yet ("use a user token"); they are
 * answered `not_in_channel`. The simulator's tokens are all bot tokens.
 */
const unarchive: MethodHandler = (context) => {
  const channel = visibleChannel(context);
  if (isResult(channel)) return channel;
  if (!channel.isArchived) return fail("not_archived");
  return fail("not_in_channel");
};

const info: MethodHandler = (context) => {
  const channel = visibleChannel(context);
  return isResult(channel) ? channel : ok({ channel: channelObject(channel) });
};

const list: MethodHandler = (context) => {
  const types = (text(context.args, "types") ?? "public_channel").split(",").map((each) => each.trim());
  const excludeArchived = flag(context.args, "exclude_archived");
  const scopes = context.caller.scopes;
  if (types.includes("private_channel") && !scopes.includes("groups:read"))
    return fail("missing_scope", { needed: "groups:read", provided: scopes.join(",") });
  const channels = [...context.state.channels.values()].filter(
    (channel) =>
      (channel.isPrivate
        ? types.includes("private_channel") && channel.members.includes(context.caller.userId)
        : types.includes("public_channel")) && !(excludeArchived && channel.isArchived),
  );
  const paged = page(channels, context.args, 100);
  if (paged === "invalid_cursor") return fail("invalid_cursor");
  return ok({
    channels: paged.items.map(channelObject),
    response_metadata: { next_cursor: paged.nextCursor },
  });
};

const members: MethodHandler = (context) => {
  const channel = visibleChannel(context);
  if (isResult(channel)) return channel;
  const paged = page(channel.members, context.args, 100);
  if (paged === "invalid_cursor") return fail("invalid_cursor");
  return ok({ members: paged.items, response_metadata: { next_cursor: paged.nextCursor } });
};

export const conversationMethods: Record<string, MethodHandler> = {
  "conversations.create": create,
  "conversations.setTopic": setTopic,
  "conversations.invite": invite,
  "conversations.rename": rename,
  "conversations.archive": archive,
  "conversations.unarchive": unarchive,
  "conversations.info": info,
  "conversations.list": list,
  "conversations.members": members,
};
