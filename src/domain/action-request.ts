import type { Config } from "../config/schema.js";
import { addIsoDays, isoDayOf, wholeDays } from "./calendar-days.js";
import type { Command } from "./commands/types.js";
import type { HistoryComment } from "./history.js";
import type { ActionRequest, IncidentState } from "./incident-state.js";

/**
 * An accepted `/action` with the configured defaults filled in. Its key names the
 * comment and which `/action` of that comment it is, so a redelivered or edited
 * comment finds the item it already created.
 */
export function actionRequest(
  state: IncidentState,
  command: Extract<Command, { kind: "action" }>,
  comment: HistoryComment,
  config: Config,
): ActionRequest {
  const by = comment.author?.login ?? "ghost";
  const nth = state.actionRequests.filter((request) =>
    request.key.startsWith(`c${comment.databaseId}-`),
  ).length;
  const defaults = config.actionItems;
  const owner =
    command.owner === "me"
      ? by
      : (command.owner ??
        (defaults.defaultOwner === "author"
          ? by
          : defaults.defaultOwner === "ic"
            ? (state.roles.ic?.[0] ?? by)
            : null));
  const due = command.due
    ? command.due.toISOString().slice(0, 10)
    : defaults.defaultDue === null
      ? null
      : addIsoDays(isoDayOf(comment.at, config.timeZone), wholeDays(defaults.defaultDue));
  return {
    key: `c${comment.databaseId}-${nth + 1}`,
    text: command.text,
    owner,
    due,
    priority: command.priority ?? defaults.defaultPriority,
    by,
    at: comment.at,
    url: comment.url,
  };
}
