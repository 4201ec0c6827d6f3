import type { Config } from "../../config/schema.js";
import type { IncidentState, TimelineEntry } from "../../kernel/incident-state.js";
import type { MirrorEntry, WarRoomIncident } from "./war-room-types.js";

/**
 * What the channel shows of an incident, read from its projected state: the facts
 * for the topic and declaration, the people to invite, the timeline to mirror.
 */

export function warRoomIncident(
  state: IncidentState,
  issue: { title: string; url: string },
): WarRoomIncident | null {
  if (!state.id || !state.declaration || !state.severity) return null;
  return {
    id: state.id,
    title: issue.title
      .replace(`[${state.id}]`, "")
      .replace(state.id, "")
      .replace(/^[\s:·-]+/, "")
      .trim(),
    severity: state.severity,
    status: state.status,
    commander: state.roles.ic?.[0] ?? null,
    issueUrl: issue.url,
    security: state.security,
  };
}

export function isResolved(state: IncidentState, config: Config): boolean {
  return state.resolution !== null && state.status === config.statuses[config.statuses.length - 1];
}

/** Who is in the room: the IC and every role, who acknowledged, who declared. */
export function responders(state: IncidentState): string[] {
  const logins = [
    ...(state.roles.ic ?? []),
    ...Object.values(state.roles).flat(),
    ...(state.acknowledgedBy ? [state.acknowledgedBy] : []),
    ...(state.declaration ? [state.declaration.by] : []),
  ].filter((login): login is string => typeof login === "string" && login !== "" && login !== "ghost");
  return [...new Set(logins.map((login) => login.toLowerCase()))];
}

/** The review pull request, once there is one. */
export function reviewUrl(state: IncidentState): string | null {
  return state.linked.find((linked) => linked.role === "review")?.pull.url ?? null;
}

/**
 * The timeline as entries with keys that survive edits: what the entry came from
 * (its comment, or its time) and its kind, numbered when one source gives several.
 */
export function mirrorEntries(entries: readonly TimelineEntry[]): MirrorEntry[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const source = `${entry.kind}:${entry.commentId ?? entry.at.getTime()}`;
    const count = (seen.get(source) ?? 0) + 1;
    seen.set(source, count);
    const quote = entry.quote ? `: “${entry.quote}”` : "";
    return {
      key: `entry:${source}:${count}`,
      at: entry.at,
      text: `${entry.text}${quote}`,
      by: entry.by || null,
    };
  });
}
