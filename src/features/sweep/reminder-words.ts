import { findCommand } from "../../commands/index.js";
import { formatDuration } from "../../config/duration.js";
import type { Config } from "../../config/schema.js";
import { daysBetween, isoDayOf } from "../../kernel/calendar-days.js";
import { marker } from "../../kernel/markers.js";
import { pirBranch } from "../../kernel/names.js";
import { severityConfig } from "../../kernel/projection/state-changes.js";
import { dateTime, zoneLabel } from "../../render/format-time.js";
import { inline, mention } from "../../render/markdown.js";
import { renderBuiltIn } from "../../render/renderer.js";
import { afterText } from "./due-incident.js";
import type { SweepSnapshot } from "./sweep-snapshot.js";
import type { SweepTask } from "./sweep-task.js";

/**
 * The sweep's comments (§10). Each carries a marker naming the window it serves:
 * `escalation` and `auto-severity` markers are also read back by the projection, so
 * the timeline shows them.
 */
const FOOTER = "Posted by the incident app's sweep; each reminder comes once per window.";

function markerOf(action: SweepTask): string {
  if (action.kind === "escalation")
    return marker("escalation", { key: action.key, level: action.level, notify: action.mentions.join(",") });
  if (action.kind === "page-after")
    return marker("escalation", {
      key: action.key,
      level: "page",
      notify: action.mentions.join(","),
      after: afterText(action.after),
    });
  if (action.kind === "auto-severity")
    return marker("auto-severity", {
      key: action.key,
      from: action.from,
      to: action.to,
      after: afterText(action.after),
    });
  return marker("reminder", { key: action.key });
}

const WHEN = {
  unacknowledged: (after: string) => `nobody has acknowledged it ${after} after declaration`,
  "no-update": (after: string) => `no status update for ${after}`,
  unresolved: (after: string) => `still unresolved ${after} after declaration`,
};

export function sweepMessage(action: SweepTask, snapshot: SweepSnapshot, config: Config, now: Date): string {
  const at = (date: Date) => `${dateTime(date, config.timeZone)} ${zoneLabel(config.timeZone)}`;
  const mentions = "mentions" in action ? action.mentions.map(mention).join(", ") : "";
  const view = (icon: string, headline: string, context: string | null, text: string) =>
    renderBuiltIn("reminder", {
      marker: markerOf(action),
      icon,
      headline,
      context,
      mentions,
      text,
      footer: FOOTER,
    });
  if (action.kind === "item-reminder") {
    const item = snapshot.actionItems.find((i) => i.number === action.item);
    const title = item ? `“${inline(item.title, 120)}”` : "This action item";
    const change =
      "Close it when it is done, or move the date with `/due <date>` (the Due line of the body is the date).";
    if (action.window === "soon")
      return view("⏳", `Due soon: ${action.due}`, null, `${title} is due on **${action.due}**. ${change}`);
    if (action.window === "today")
      return view("📅", `Due today: ${action.due}`, null, `${title} is due **today**. ${change}`);
    const late = daysBetween(action.due, isoDayOf(now, config.timeZone));
    const incident = action.incident ? ` of incident #${action.incident}` : "";
    return view(
      "⚠️",
      `Overdue: was due ${action.due}`,
      null,
      `${title}${incident} was due on **${action.due}**, ${late} ${late === 1 ? "day" : "days"} ago. ${change}`,
    );
  }
  const incident = snapshot.incidents.find((i) => i.number === action.incident);
  const state = incident?.state;
  const id = state?.id ?? `#${action.incident}`;
  const declared = state?.times.declared ?? null;
  const context = state
    ? `${state.severity ?? "—"} · status **${state.status}**${declared && !state.times.resolved ? ` · open for ${formatDuration(now.getTime() - declared.getTime())}` : ""}`
    : null;
  switch (action.kind) {
    case "update-nudge": {
      const cadence = severityConfig(config, state?.severity ?? null)?.updateEvery;
      const last = state?.updates.at(-1);
      const since = last
        ? `the last update was at ${at(last.at)}`
        : "no update has been posted since declaration";
      return view(
        "⏰",
        `Status update overdue: ${id}`,
        context,
        `${since}; ${state?.severity ?? "this severity"} asks for one every ${cadence ? formatDuration(cadence) : "while"} (due ${at(action.dueAt)}). Post it with \`/update <what changed, what is next>\`.`,
      );
    }
    case "ack-overdue":
      return view(
        "⏰",
        `Not acknowledged: ${id}`,
        context,
        `nobody has acknowledged it within its ${formatDuration(action.target)} target. \`/ack\` takes it (and makes you incident commander if there is none).`,
      );
    case "comms-prompt":
      return view(
        "🗣️",
        `External communication: ${id}`,
        context,
        `${inline(action.reason, 300)}. A customer-facing update drafted from the incident follows: edit it and publish it where your customers read${config.statusPage.enabled ? " (or post it to the status page with `/status public …`)" : ""}.`,
      );
    case "ic-overdue":
      return view(
        "🧭",
        `No incident commander: ${id}`,
        context,
        `${state?.severity ?? "this severity"} needs an incident commander within ${formatDuration(action.target)}, and nobody has taken the role. Take it with \`/ic @you\` (or name someone: \`/ic @alice\`).`,
      );
    case "escalation":
      return view(
        "🔺",
        `Escalation: ${id}`,
        context,
        `${WHEN[action.when](formatDuration(action.after))} (escalation policy, level ${action.level}). Please join the response.`,
      );
    case "page-after":
      return view(
        "📟",
        `Paged: ${id}`,
        context,
        `${WHEN.unacknowledged(formatDuration(action.after))}, so its ${action.severity} notification is now a page (\`pageAfter\` in \`.github/incident.yml\`). \`/ack\` takes it.`,
      );
    case "auto-severity":
      return view(
        "⬆️",
        `Severity raised automatically: ${action.from} → ${action.to}`,
        id,
        `It has been unresolved for ${formatDuration(action.after)} at ${action.from} (\`autoEscalation\` in \`.github/incident.yml\`). \`/severity ${action.from} <reason>\` sets it back.`,
      );
    case "pir-reminder": {
      // Once the review PR exists (opened at resolution), the reminder points at it.
      const review = state?.linked.find((link) => link.role === "review" && link.pull.state === "OPEN");
      const how = review
        ? `Finish and merge #${review.pull.number} (\`/pir\` refreshes it from the incident).`
        : findCommand("pir")?.available
          ? "Open it with `/pir`."
          : `Open a pull request from branch \`${pirBranch(state?.id ?? "incident")}\` that mentions this incident.`;
      const headline =
        action.window === "soon"
          ? `Post-incident review due soon: ${id}`
          : `Post-incident review overdue: ${id}`;
      const text =
        action.window === "soon"
          ? `the review is due ${at(action.dueAt)}. ${how}`
          : `the review was due ${at(action.dueAt)} and is not merged yet; a reminder follows every ${formatDuration(config.reminders.overdueEvery)} until it is. ${how}`;
      return view("📝", headline, null, text);
    }
  }
}
