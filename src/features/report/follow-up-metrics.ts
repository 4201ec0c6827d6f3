import type { ActionItemRecord, ActionItemStats, PirRecord, PirStats, ReportWindow } from "./report-types.js";
import { inWindow, monthsOf } from "./report-window.js";
import { ratio } from "./statistics.js";

/**
 * PIRs and action items: what happens after an incident. Their records come from
 * the PIR and action-item capabilities; without them the report says "no data".
 */

/** PIRs due in the window: on time when merged by the due date; late when merged after it or overdue. */
export function pirStats(pirs: readonly PirRecord[], window: ReportWindow, now: Date): PirStats {
  const stats: PirStats = { onTime: 0, late: 0, pending: 0, rate: null, lateList: [] };
  for (const pir of pirs) {
    if (!inWindow(pir.due, window)) continue;
    const due = pir.due.getTime();
    if (pir.mergedAt && pir.mergedAt.getTime() <= due) stats.onTime += 1;
    else if (pir.mergedAt || now.getTime() > due) {
      stats.late += 1;
      stats.lateList.push({ incident: pir.incident, due: pir.due, mergedAt: pir.mergedAt });
    } else stats.pending += 1;
  }
  stats.lateList.sort((a, b) => a.due.getTime() - b.due.getTime());
  return { ...stats, rate: ratio(stats.onTime, stats.onTime + stats.late) };
}

function openAt(item: ActionItemRecord, at: Date): boolean {
  const time = at.getTime();
  if (item.createdAt.getTime() > time) return false;
  if (item.state === "open") return true;
  return item.closedAt === null ? false : item.closedAt.getTime() > time;
}

/**
 * Action items as of `now` (open, overdue = open past its due date, done = closed),
 * and the open backlog at the end of each month of the window.
 */
export function actionItemStats(
  items: readonly ActionItemRecord[],
  window: ReportWindow,
  now: Date,
): ActionItemStats {
  const open = items.filter((item) => item.state === "open");
  const overdue = open
    .filter((item): item is ActionItemRecord & { due: Date } => item.due !== null && item.due < now)
    .sort((a, b) => a.due.getTime() - b.due.getTime());
  return {
    open: open.length,
    overdue: overdue.length,
    done: items.length - open.length,
    overdueList: overdue.map((item) => ({ number: item.number, url: item.url, due: item.due })),
    backlog: monthsOf(window).map(({ month, end }) => ({
      month,
      at: end,
      open: items.filter((item) => openAt(item, end)).length,
    })),
  };
}
