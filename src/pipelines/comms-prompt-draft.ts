import type { Config } from "../config/schema.js";
import { commsDraftMessage } from "../features/incident/messages.js";
import type { SweepSnapshot } from "../features/sweep/sweep-snapshot.js";
import type { SweepTask } from "../features/sweep/sweep-task.js";
import { BUILT_IN_TEMPLATES } from "../render/renderer.js";

/**
 * A comms prompt carries the `/comms draft` ready: the same customer-facing update the
 * command replies with, drafted from the incident as the sweep read it.
 */
export function withCommsDraft(
  action: SweepTask,
  body: string,
  snapshot: SweepSnapshot,
  config: Config,
  now: Date,
): string {
  if (action.kind !== "comms-prompt") return body;
  const incident = snapshot.incidents.find((i) => i.number === action.incident);
  if (!incident) return body;
  const draft = commsDraftMessage({
    state: incident.state,
    config,
    now,
    title: incident.title.replace(/^\s*\[INC-\d{8}-\d{3,}\]\s*/, ""),
    marker: "",
    templates: BUILT_IN_TEMPLATES,
  });
  return `${body.trimEnd()}\n\n${draft.trim()}\n`;
}
