import type { IncidentState, TimelineEntry } from "../kernel/incident-state.js";
import { timeOnDay } from "./format-time.js";
import { inline, mention } from "./markdown.js";

/** The roles as people read them, in the order the timeline and the review list them. */
export const ROLE_LABELS = [
  ["ic", "IC"],
  ["lead", "Tech lead"],
  ["comms", "Comms"],
  ["scribe", "Scribe"],
  ["sme", "SME"],
] as const;

function entryRow(entry: TimelineEntry, reference: Date, zone: string) {
  const quote = entry.quote ? `: “${inline(entry.quote)}”` : "";
  const backdated = entry.backdated ? " _(back-dated)_" : "";
  const link = entry.url ? ` [↗](${entry.url})` : "";
  return {
    time: timeOnDay(entry.at, reference, zone),
    event: `${entry.text}${quote}${backdated}${link}`,
    // A tick seen only in the checklist comment: whoever made it, it was not the app.
    by: `${entry.by ? mention(entry.by) : entry.kind === "checklist" ? "—" : "app"}${entry.slackChannel !== undefined ? ` (in Slack${entry.slackChannel ? ` #${inline(entry.slackChannel)}` : ""})` : ""}`,
  };
}

/** The rows of the timeline table, for the comment and the review. */
export function timelineRows(state: IncidentState, reference: Date, zone: string) {
  return state.entries.map((entry) => entryRow(entry, reference, zone));
}
