import { parseId } from "../../kernel/incident-id.js";
import type { WarRoomIncident } from "./war-room-types.js";
import { warRoomWords } from "./war-room-words.js";

/**
 * The channel topic: severity, status, IC and the issue link. It starts with the
 * incident id because the channel is found again by its topic (§2.1: no memory).
 */

/** Slack cuts topics at 250 characters. */
export const TOPIC_LIMIT = 250;

export function channelTopic(incident: WarRoomIncident, commanderSlackId: string | null): string {
  const commander = commanderSlackId
    ? `<@${commanderSlackId}>`
    : incident.commander
      ? `@${incident.commander}`
      : warRoomWords.noCommander;
  const topic = warRoomWords.topic({
    id: incident.id,
    severity: incident.severity,
    status: incident.status,
    commander,
    link: incident.issueUrl,
  });
  return clip(topic, TOPIC_LIMIT);
}

/** Whether a topic names the incident (the id as a whole word, any case). */
export function topicNamesIncident(topic: string, incidentId: string): boolean {
  const escaped = incidentId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^A-Za-z0-9-])${escaped}($|[^A-Za-z0-9-])`, "i").test(topic);
}

function clip(text: string, limit: number): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join("")}…`;
}

/** The incident a channel's topic names, and its issue (`…/owner/repo/issues/7`). */
export function incidentOfTopic(
  topic: string,
): { id: string; owner: string; repo: string; number: number } | null {
  const id = parseId(topic)?.id;
  const link = /https?:\/\/[^\s<>|]*?\/([^/\s<>|]+)\/([^/\s<>|]+)\/issues\/(\d+)/.exec(topic);
  if (!id || !link) return null;
  return { id, owner: link[1] as string, repo: link[2] as string, number: Number(link[3]) };
}
