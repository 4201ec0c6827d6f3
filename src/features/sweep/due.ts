import type { Config } from "../../config/schema.js";
import { dueForActionItem } from "./due-action-item.js";
import { dueForIncident } from "./due-incident.js";
import type { SweepSnapshot } from "./sweep-snapshot.js";
import type { SweepTask } from "./sweep-task.js";

/**
 * `due(now, snapshot, config) -> actions` (§10): everything time asks of a
 * repository right now. Pure; what was already posted is in the snapshot.
 */
export function due(now: Date, snapshot: SweepSnapshot, config: Config): SweepTask[] {
  return [
    ...snapshot.incidents.flatMap((incident) => dueForIncident(now, incident, config)),
    ...snapshot.actionItems.flatMap((item) => dueForActionItem(now, item, snapshot, config)),
  ];
}
