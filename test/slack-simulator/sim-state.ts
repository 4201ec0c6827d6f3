/**
 * The simulator's in-memory workspace: people, channels, messages, pins, and what
 * it sent back through `response_url`. Shapes follow the Web API's objects, trimmed
 * to the fields the app reads.
 */

export interface SimUser {
  id: string;
  name: string;
  realName: string;
  email: string | null;
  isBot: boolean;
}

export interface SimChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  created: number;
  creator: string;
  topic: { value: string; creator: string; last_set: number };
  members: string[];
}

export interface SimMessage {
  channel: string;
  ts: string;
  user: string;
  botId: string | null;
  text: string;
  blocks: unknown[] | null;
  metadata: { event_type: string; event_payload: Record<string, unknown> } | null;
  threadTs: string | null;
  subtype: string | null;
  edited: { user: string; ts: string } | null;
}

export interface SimPin {
  channel: string;
  ts: string;
  created: number;
  createdBy: string;
}

export interface SimEphemeral {
  channel: string;
  user: string;
  text: string;
  ts: string;
}

/** A body the app POSTed to a `response_url` the simulator handed out. */
export interface SimResponseUrlPost {
  responseUrl: string;
  body: unknown;
}

/** What a token may do: whose token it is and its granted scopes. */
export interface SimToken {
  userId: string;
  botId: string | null;
  scopes: readonly string[];
}

export interface SimState {
  team: { id: string; domain: string; name: string };
  users: Map<string, SimUser>;
  channels: Map<string, SimChannel>;
  messages: SimMessage[];
  pins: SimPin[];
  ephemerals: SimEphemeral[];
  responseUrlPosts: SimResponseUrlPost[];
  tokens: Map<string, SimToken>;
}

export function createState(): SimState {
  return {
    team: { id: "T0SIM0001", domain: "sim-workspace", name: "Simulated workspace" },
    users: new Map(),
    channels: new Map(),
    messages: [],
    pins: [],
    ephemerals: [],
    responseUrlPosts: [],
    tokens: new Map(),
  };
}

/** The channel an argument names: an id, or a name with or without `#`. */
export function findChannel(state: SimState, idOrName: string): SimChannel | undefined {
  const byId = state.channels.get(idOrName);
  if (byId) return byId;
  const name = idOrName.replace(/^#/, "");
  for (const channel of state.channels.values()) if (channel.name === name) return channel;
  return undefined;
}

/** The Web API's conversation object. */
export function channelObject(channel: SimChannel) {
  return {
    id: channel.id,
    name: channel.name,
    name_normalized: channel.name,
    is_channel: !channel.isPrivate,
    is_group: false,
    is_im: false,
    is_private: channel.isPrivate,
    is_archived: channel.isArchived,
    is_general: false,
    created: channel.created,
    creator: channel.creator,
    topic: channel.topic,
    purpose: { value: "", creator: "", last_set: 0 },
    num_members: channel.members.length,
  };
}

export function messageObject(message: SimMessage, withMetadata: boolean) {
  return {
    type: "message",
    ts: message.ts,
    user: message.user,
    text: message.text,
    ...(message.botId ? { bot_id: message.botId } : {}),
    ...(message.subtype ? { subtype: message.subtype } : {}),
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    ...(message.edited ? { edited: message.edited } : {}),
    ...(withMetadata && message.metadata ? { metadata: message.metadata } : {}),
  };
}

export function userObject(user: SimUser, teamId: string) {
  return {
    id: user.id,
    team_id: teamId,
    name: user.name,
    real_name: user.realName,
    deleted: false,
    is_bot: user.isBot,
    profile: {
      real_name: user.realName,
      display_name: user.name,
      ...(user.email ? { email: user.email } : {}),
    },
  };
}
