import {
  fail,
  flag,
  isResult,
  jsonArg,
  type MethodContext,
  type MethodHandler,
  ok,
  page,
  text,
  visibleChannel,
} from "./method-context.js";
import { messageObject, type SimMessage } from "./sim-state.js";

/** chat.*, conversations.history and pins.*: messages in channels. */

type Metadata = SimMessage["metadata"];

function readMetadata(context: MethodContext): Metadata | "invalid" {
  const parsed = jsonArg(context.args, "metadata");
  if (parsed === undefined) return null;
  if (parsed === "invalid") return "invalid";
  const value = parsed.value as Record<string, unknown> | null;
  if (
    typeof value?.event_type !== "string" ||
    typeof value.event_payload !== "object" ||
    !value.event_payload
  )
    return "invalid";
  return { event_type: value.event_type, event_payload: value.event_payload as Record<string, unknown> };
}

function readBlocks(context: MethodContext): unknown[] | null | "invalid" {
  const parsed = jsonArg(context.args, "blocks");
  if (parsed === undefined) return null;
  return parsed === "invalid" || !Array.isArray(parsed.value) ? "invalid" : parsed.value;
}

const postMessage: MethodHandler = (context) => {
  const channel = visibleChannel(context);
  if (isResult(channel)) return channel;
  if (channel.isArchived) return fail("is_archived");
  const canPostOutside = !channel.isPrivate && context.caller.scopes.includes("chat:write.public");
  if (!channel.members.includes(context.caller.userId) && !canPostOutside) return fail("not_in_channel");
  const metadata = readMetadata(context);
  if (metadata === "invalid") return fail("invalid_metadata_format");
  const blocks = readBlocks(context);
  if (blocks === "invalid") return fail("invalid_blocks");
  const body = text(context.args, "text") ?? "";
  if (body === "" && !blocks) return fail("no_text");
  if (body.length > 40_000) return fail("msg_too_long");
  const message: SimMessage = {
    channel: channel.id,
    ts: context.nextTs(),
    user: context.caller.userId,
    botId: context.caller.botId,
    text: body,
    blocks,
    metadata,
    threadTs: text(context.args, "thread_ts") ?? null,
    subtype: null,
    edited: null,
  };
  context.state.messages.push(message);
  return ok({ channel: channel.id, ts: message.ts, message: messageObject(message, true) });
};

const update: MethodHandler = (context) => {
  const channel = visibleChannel(context);
  if (isResult(channel)) return channel;
  const ts = text(context.args, "ts");
  const message = context.state.messages.find((each) => each.channel === channel.id && each.ts === ts);
  if (!message) return fail("message_not_found");
  if (message.user !== context.caller.userId) return fail("cant_update_message");
  if (channel.isArchived) return fail("is_archived");
  const metadata = readMetadata(context);
  if (metadata === "invalid") return fail("invalid_metadata_format");
  const blocks = readBlocks(context);
  if (blocks === "invalid") return fail("invalid_blocks");
  const body = text(context.args, "text");
  if (body !== undefined) message.text = body;
  if (blocks) message.blocks = blocks;
  if (metadata) message.metadata = metadata;
  message.edited = { user: context.caller.userId, ts: context.nextTs() };
  return ok({
    channel: channel.id,
    ts: message.ts,
    text: message.text,
    message: messageObject(message, true),
  });
};

const postEphemeral: MethodHandler = (context) => {
  const channel = visibleChannel(context);
  if (isResult(channel)) return channel;
  const user = text(context.args, "user") ?? "";
  if (!context.state.users.has(user)) return fail("user_not_found");
  if (!channel.members.includes(user)) return fail("user_not_in_channel");
  const body = text(context.args, "text") ?? "";
  if (body === "" && context.args.blocks === undefined) return fail("no_text");
  const ts = context.nextTs();
  context.state.ephemerals.push({ channel: channel.id, user, text: body, ts });
  return ok({ message_ts: ts });
};

const history: MethodHandler = (context) => {
  const channel = visibleChannel(context);
  if (isResult(channel)) return channel;
  if (!channel.members.includes(context.caller.userId)) return fail("not_in_channel");
  const withMetadata = flag(context.args, "include_all_metadata");
  const newestFirst = context.state.messages
    .filter((each) => each.channel === channel.id && (each.threadTs === null || each.threadTs === each.ts))
    .reverse();
  const paged = page(newestFirst, context.args, 100);
  if (paged === "invalid_cursor") return fail("invalid_cursor");
  return ok({
    messages: paged.items.map((each) => messageObject(each, withMetadata)),
    has_more: paged.nextCursor !== "",
    response_metadata: { next_cursor: paged.nextCursor },
  });
};

const pinsAdd: MethodHandler = (context) => {
  const channel = visibleChannel(context);
  if (isResult(channel)) return channel;
  if (!channel.members.includes(context.caller.userId)) return fail("not_in_channel");
  const ts = text(context.args, "timestamp");
  if (!context.state.messages.some((each) => each.channel === channel.id && each.ts === ts))
    return fail("message_not_found");
  if (context.state.pins.some((pin) => pin.channel === channel.id && pin.ts === ts))
    return fail("already_pinned");
  context.state.pins.push({
    channel: channel.id,
    ts: ts as string,
    created: context.nowSeconds(),
    createdBy: context.caller.userId,
  });
  return ok();
};

const pinsList: MethodHandler = (context) => {
  const channel = visibleChannel(context);
  if (isResult(channel)) return channel;
  const items = context.state.pins
    .filter((pin) => pin.channel === channel.id)
    .map((pin) => {
      const message = context.state.messages.find(
        (each) => each.channel === pin.channel && each.ts === pin.ts,
      );
      return {
        type: "message",
        channel: pin.channel,
        created: pin.created,
        created_by: pin.createdBy,
        ...(message ? { message: messageObject(message, false) } : {}),
      };
    });
  return ok({ items });
};

export const messageMethods: Record<string, MethodHandler> = {
  "chat.postMessage": postMessage,
  "chat.update": update,
  "chat.postEphemeral": postEphemeral,
  "conversations.history": history,
  "pins.add": pinsAdd,
  "pins.list": pinsList,
};
