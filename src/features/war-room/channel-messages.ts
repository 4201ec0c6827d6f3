import { escapeSlack } from "./slack-text.js";
import type { WarRoomIncident } from "./war-room-types.js";
import { warRoomWords } from "./war-room-words.js";

/** The declaration message posted (and pinned) when the channel opens. */
export function declarationText(
  incident: WarRoomIncident,
  commanderSlackId: string | null,
  commandPrefix: string,
): string {
  return warRoomWords.declaration({
    id: incident.id,
    severity: incident.severity,
    title: escapeSlack(incident.title),
    link: incident.issueUrl,
    commander: commanderSlackId
      ? `<@${commanderSlackId}>`
      : incident.commander
        ? `@${incident.commander}`
        : warRoomWords.noCommander,
    prefix: commandPrefix,
  });
}

/** The last message before the channel is archived: where the review is, or the issue. */
export function resolutionText(incident: Pick<WarRoomIncident, "issueUrl">, pirUrl: string | null): string {
  return pirUrl ? warRoomWords.resolvedArchived(pirUrl) : warRoomWords.resolvedNoReview(incident.issueUrl);
}
