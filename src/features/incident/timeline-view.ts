import { createHash } from "node:crypto";
import { formatDuration } from "../../config/duration.js";
import type { Config } from "../../config/schema.js";
import { checklistCounts } from "../../kernel/checklist.js";
import { type Clocks, clocks, type TargetState } from "../../kernel/clocks.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import { marker } from "../../kernel/markers.js";
import { timeOnDay, zoneLabel } from "../../render/format-time.js";
import { mentionList } from "../../render/markdown.js";
import type { Templates } from "../../render/renderer.js";
import { ROLE_LABELS, timelineRows } from "../../render/timeline-table.js";
import { actionItemSummary } from "../action-items/action-items-line.js";
import { checklistWords } from "../checklists/checklist-words.js";

/** GitHub rejects comment bodies over 65,536 characters; stay well clear. */
export const BODY_LIMIT = 65_536;
const TIMELINE_BUDGET = 60_000;

interface TargetText {
  /** What readers see, with time left as of now. */
  visible: string;
  /** The same without now-relative numbers: only this decides whether to rewrite. */
  stable: string;
}

function targetText(state: TargetState): TargetText {
  switch (state.kind) {
    case "none":
      return { visible: "", stable: "" };
    case "waiting":
      return { visible: "⏸ not started", stable: "waiting" };
    case "met":
      return same(`✅ met (target ${formatDuration(state.target)})`);
    case "breached":
      return same(
        `❌ breached by ${formatDuration(state.took - state.target)} (target ${formatDuration(state.target)})`,
      );
    case "not-recorded":
      return same(`— not recorded (target ${formatDuration(state.target)})`);
    case "running":
      return {
        visible: `⏳ running, ${formatDuration(state.left)} left (target ${formatDuration(state.target)})`,
        stable: `running ${state.target}`,
      };
    case "overdue":
      return {
        visible: `❌ breached, ${formatDuration(state.over)} over (target ${formatDuration(state.target)})`,
        stable: `overdue ${state.target}`,
      };
  }
}

function same(text: string): TargetText {
  return { visible: text, stable: text };
}

export interface TimelineViewInput {
  state: IncidentState;
  config: Config;
  now: Date;
  issueUrl: string;
  /** What the app has told the outside world (chat, status page), kept in the marker. */
  ledger?: Record<string, string>;
  /** The templates this decision renders with (the repo's overrides over the built-in ones). */
  templates: Templates;
}

function clockRows(state: IncidentState, c: Clocks, zone: string, reference: Date) {
  const t = state.times;
  const at = (d: Date | null) => (d ? timeOnDay(d, reference, zone) : "—");
  const ack = targetText(c.targets.acknowledge);
  const mitigate = targetText(c.targets.mitigate);
  const resolve = targetText(c.targets.resolve);
  const ic = targetText(c.targets.ic);
  // The IC clock (seed plans 000, 003): shown where the severity sets a target, or once there is an IC.
  const icRow =
    c.targets.ic.kind !== "none" || t.icEngaged
      ? [
          {
            label: "IC engaged",
            time: at(t.icEngaged),
            duration: c.durations.ic === null ? "" : `${formatDuration(c.durations.ic)} to engage an IC`,
            target: ic,
          },
        ]
      : [];
  const rows = [
    { label: "Impact started", time: at(t.started), duration: "", target: same("") },
    {
      label: "Detected",
      time: at(c.detected),
      duration: c.durations.detect === null ? "" : `${formatDuration(c.durations.detect)} to detect`,
      target: same(""),
    },
    { label: "Declared", time: at(t.declared), duration: "", target: same("") },
    {
      label: "Acknowledged",
      time: at(t.acknowledged),
      duration:
        c.durations.acknowledge === null ? "" : `${formatDuration(c.durations.acknowledge)} to acknowledge`,
      target: ack,
    },
    ...icRow,
    {
      label: "Mitigated",
      time: at(t.mitigated),
      duration: c.durations.mitigate === null ? "" : `${formatDuration(c.durations.mitigate)} to mitigate`,
      target: mitigate,
    },
    {
      label: "Resolved",
      time: at(t.resolved),
      duration: c.durations.resolve === null ? "" : `${formatDuration(c.durations.resolve)} to resolve`,
      target: resolve,
    },
  ];
  return rows.map((row) => ({ ...row, target: row.target.visible, stableTarget: row.target.stable }));
}

/** The review pull request, once there is one: where it is, and when it was merged. */
function reviewLine(state: IncidentState, reference: Date, zone: string) {
  const review = state.linked.find((linked) => linked.role === "review")?.pull;
  if (!review) return null;
  return {
    link: `[#${review.number}](${review.url})`,
    merged: review.mergedAt ? timeOnDay(review.mergedAt, reference, zone) : null,
  };
}

/** "Checklist 5/9" (not linked: the link would change the timeline once the comment exists). */
function checklistLine(state: IncidentState): string | null {
  if (!state.checklist || state.checklist.items.length === 0) return null;
  const { done, total } = checklistCounts(state.checklist);
  return checklistWords.progress(done, total);
}

/**
 * The timeline comment's body and the hash that decides whether it needs writing.
 * Old notes fold into one row when the table would pass GitHub's size limit.
 */
export function renderTimeline(input: TimelineViewInput): { body: string; hash: string } {
  const { state, config, now } = input;
  const zone = config.timeZone;
  const reference = state.times.declared ?? now;
  const c = clocks(state, config, now);
  const rows = timelineRows(state, reference, zone);
  const roles = ROLE_LABELS.map(([key, label]) => ({
    label,
    people: mentionList(state.roles[key] ?? []) || "—",
  }));
  const base = {
    id: state.id ?? "incident",
    severity: state.severity ?? "—",
    status: state.status,
    resolved: state.times.resolved !== null,
    roles,
    clocks: clockRows(state, c, zone, reference),
    zone: zoneLabel(zone),
    nextUpdate: c.nextUpdateDue
      ? `${timeOnDay(c.nextUpdateDue, reference, zone)}${c.updateOverdue ? " (overdue)" : ""}`
      : null,
    pirDue: c.pirDue ? timeOnDay(c.pirDue, reference, zone) : null,
    review: reviewLine(state, reference, zone),
    checklist: checklistLine(state),
  };
  const actionItems = actionItemSummary(state);
  const template = input.templates.version("timeline");
  const stable = JSON.stringify({
    // A new or changed override re-renders the comment even when nothing else changed.
    ...(template === "built-in" ? {} : { template }),
    ...base,
    // Absent, not null, without a checklist: timelines written before it keep their hash.
    checklist: base.checklist ?? undefined,
    ...(actionItems ? { actionItems } : {}),
    clocks: base.clocks.map(({ target: _visible, ...rest }) => rest),
    rows,
  });
  const hash = createHash("sha1").update(stable).digest("hex").slice(0, 12);
  const head = marker("timeline", { hash, ...input.ledger });
  let folded = 0;
  for (;;) {
    const visibleRows = rows.slice(folded);
    const body = input.templates.render("timeline", {
      ...base,
      actionItems,
      marker: head,
      rows: visibleRows,
      folded: folded > 0 ? { count: folded, url: input.issueUrl } : null,
    });
    if (body.length <= TIMELINE_BUDGET || visibleRows.length <= 1) return { body, hash };
    folded += Math.max(1, Math.ceil(visibleRows.length / 10));
  }
}

export function timelineHash(body: string): string | null {
  return /incident-app:timeline hash=([0-9a-f]+)/.exec(body)?.[1] ?? null;
}

/** The whole marker (hash and ledger): the comment is rewritten when any part of it differs. */
export function timelineMarker(body: string): string | null {
  return /<!--\s*incident-app:timeline[^>]*-->/.exec(body)?.[0] ?? null;
}
