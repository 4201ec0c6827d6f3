import type { SimState } from "./sim-state.js";
import { findChannel } from "./sim-state.js";

/**
 * The bot scope each Web API method needs, as Slack documents it. Methods on a
 * channel need the `groups:` scope instead of `channels:` when the channel is private.
 */

type ScopeRule = string | { public: string; private: string };

const METHOD_SCOPES: Record<string, ScopeRule | null> = {
  "auth.test": null,
  "conversations.create": { public: "channels:manage", private: "groups:write" },
  "conversations.setTopic": { public: "channels:manage", private: "groups:write" },
  "conversations.invite": { public: "channels:manage", private: "groups:write" },
  "conversations.rename": { public: "channels:manage", private: "groups:write" },
  "conversations.archive": { public: "channels:manage", private: "groups:write" },
  "conversations.unarchive": { public: "channels:manage", private: "groups:write" },
  "conversations.info": { public: "channels:read", private: "groups:read" },
  "conversations.list": "channels:read",
  "conversations.members": { public: "channels:read", private: "groups:read" },
  "conversations.history": { public: "channels:history", private: "groups:history" },
  "users.lookupByEmail": "users:read.email",
  "users.info": "users:read",
  "chat.postMessage": "chat:write",
  "chat.update": "chat:write",
  "chat.postEphemeral": "chat:write",
  "pins.add": "pins:write",
  "pins.list": "pins:read",
};

/** Every scope above: what a fully granted bot token holds. */
export const ALL_SCOPES: readonly string[] = [
  ...new Set(
    Object.values(METHOD_SCOPES).flatMap((rule) =>
      rule === null ? [] : typeof rule === "string" ? [rule] : [rule.public, rule.private],
    ),
  ),
];

export function isKnownMethod(method: string): boolean {
  return method in METHOD_SCOPES;
}

/** The scope the call needs, or null. */
export function neededScope(method: string, args: Record<string, unknown>, state: SimState): string | null {
  const rule = METHOD_SCOPES[method];
  if (rule === null || rule === undefined) return null;
  if (typeof rule === "string") return rule;
  const isPrivate =
    method === "conversations.create"
      ? args.is_private === true || args.is_private === "true"
      : findChannel(state, String(args.channel ?? ""))?.isPrivate === true;
  return isPrivate ? rule.private : rule.public;
}
