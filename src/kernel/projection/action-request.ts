import type { Command } from "../../commands/types.js";
import type { Priority } from "../../commands/vocabulary.js";
import type { Config } from "../../config/schema.js";
import { addDeadline } from "../business-days.js";
import { addIsoDays, isoDayOf, wholeDays } from "../calendar-days.js";
import type { HistoryComment } from "../history.js";
import type { ActionRequest, IncidentState } from "../incident-state.js";

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
  return {
    key: `c${comment.databaseId}-${nth + 1}`,
    text: command.text,
    ...withDefaults(
      {
        owner: command.owner === "me" ? by : command.owner,
        due: command.due ? command.due.toISOString().slice(0, 10) : null,
        priority: command.priority,
      },
      { by, at: comment.at },
      state,
      config,
    ),
    by,
    at: comment.at,
    url: comment.url,
  };
}

interface AskedFields {
  owner: string | null;
  /** `YYYY-MM-DD` or null. */
  due: string | null;
  priority: Priority | null;
}

/**
 * Owner, due date and priority as asked, the configured defaults (`actionItems`) where
 * nothing was: the default owner is whoever asked (or the IC), the default due date is
 * counted in calendar days (or business days, `5bd`) from when they asked.
 */
export function withDefaults(
  asked: AskedFields,
  from: { by: string | null; at: Date },
  state: IncidentState,
  config: Config,
): { owner: string | null; due: string | null; priority: Priority } {
  const defaults = config.actionItems;
  const owner =
    asked.owner ??
    (defaults.defaultOwner === "author"
      ? from.by
      : defaults.defaultOwner === "ic"
        ? (state.roles.ic?.[0] ?? from.by ?? null)
        : null);
  const due =
    asked.due ??
    (defaults.defaultDue === null
      ? null
      : typeof defaults.defaultDue === "number"
        ? addIsoDays(isoDayOf(from.at, config.timeZone), wholeDays(defaults.defaultDue))
        : isoDayOf(addDeadline(from.at, defaults.defaultDue, config), config.timeZone));
  return { owner, due, priority: asked.priority ?? defaults.defaultPriority };
}
