import type { WarRoomIncident } from "./war-room-types.js";

/**
 * Which incidents get a channel, and what kind. Security incidents always get one,
 * and only a private one (§13: nothing about them reaches a public surface).
 */

export type ChannelPolicy =
  | { kind: "none"; reason: "disabled" | "severity" }
  | { kind: "channel"; isPrivate: boolean; reason: "severity" | "security" };

export interface ChannelPolicyConfig {
  enabled: boolean;
  severities: readonly string[];
}

export function channelPolicy(
  config: ChannelPolicyConfig,
  incident: Pick<WarRoomIncident, "severity" | "security">,
): ChannelPolicy {
  if (!config.enabled) return { kind: "none", reason: "disabled" };
  if (incident.security) return { kind: "channel", isPrivate: true, reason: "security" };
  const wanted = config.severities.some((each) => each.toLowerCase() === incident.severity.toLowerCase());
  return wanted
    ? { kind: "channel", isPrivate: false, reason: "severity" }
    : { kind: "none", reason: "severity" };
}

/**
 * Whether a channel that exists may stay as it is: a public channel found for an
 * incident that became a security incident must not be used (the integrator archives
 * it and opens a private one).
 */
export function channelFits(policy: ChannelPolicy, existing: { isPrivate: boolean }): boolean {
  return policy.kind === "channel" && (!policy.isPrivate || existing.isPrivate);
}

export type AfterResolve = "archive" | "rename" | "keep";

export type ResolveStep = { kind: "archive" } | { kind: "rename"; name: string } | { kind: "keep" };

/** What to do with the channel once the incident is resolved (after posting the PIR link). */
export function afterResolveStep(afterResolve: AfterResolve, channelName: string): ResolveStep {
  if (afterResolve === "archive") return { kind: "archive" };
  if (afterResolve === "keep") return { kind: "keep" };
  const suffix = "-resolved";
  if (channelName.endsWith(suffix)) return { kind: "keep" };
  return { kind: "rename", name: `${channelName.slice(0, 80 - suffix.length).replace(/-+$/, "")}${suffix}` };
}
