import type { Config } from "../../config/schema.js";
import { daysBetween, isoDayOf, wholeDays } from "../../kernel/calendar-days.js";
import type { SweepActionItem, SweepSnapshot } from "./sweep-snapshot.js";
import type { SweepTask } from "./sweep-task.js";

/**
 * An open action item's reminder for today (§10), by calendar day in the configured
 * zone: "due soon" within `reminders.dueSoon` days before the due date, "due today"
 * on it, "overdue" the day after and again every `reminders.overdueEvery` days. Each
 * window is served once; a window already past is not served late.
 */
export function dueForActionItem(
  now: Date,
  item: SweepActionItem,
  snapshot: SweepSnapshot,
  config: Config,
): SweepTask[] {
  const due = item.fields.due;
  if (!due) return [];
  const today = isoDayOf(now, config.timeZone);
  const days = daysBetween(due, today);
  const soonDays = wholeDays(config.reminders.dueSoon);
  const everyDays = wholeDays(config.reminders.overdueEvery);
  let window: "soon" | "today" | "overdue";
  let key: string;
  if (days < -soonDays) return [];
  if (days < 0) {
    window = "soon";
    key = `item:soon:${due}`;
  } else if (days === 0) {
    window = "today";
    key = `item:today:${due}`;
  } else {
    window = "overdue";
    key = `item:overdue:${due}:${Math.floor((days - 1) / everyDays)}`;
  }
  if (item.sent.has(key)) return [];
  const incident = snapshot.incidents.find((i) => i.number === item.incident);
  const ic = incident?.state.roles.ic?.[0] ?? item.ic;
  const mentions = [item.fields.owner, window === "overdue" ? ic : null].filter(
    (handle, index, all): handle is string => typeof handle === "string" && all.indexOf(handle) === index,
  );
  return [{ kind: "item-reminder", item: item.number, key, window, due, mentions, incident: item.incident }];
}
