import { PHASE_TITLES } from "../../config/checklist-schema.js";
import { formatDeadline } from "../../config/deadline-field.js";
import { formatDuration } from "../../config/duration.js";
import type { Config } from "../../config/schema.js";
import { actionItemSummaries } from "../../kernel/action-item-summary.js";
import { clocks, type TargetState } from "../../kernel/clocks.js";
import { closerReference } from "../../kernel/closer-reference.js";
import { pullRef } from "../../kernel/code-history.js";
import type { IssueHistory } from "../../kernel/history.js";
import type { IncidentState, PullRole } from "../../kernel/incident-state.js";
import { exposedSecurityIncident } from "../../kernel/security-exposure.js";
import { calendarDay, dateTime, timeOnDay, zoneLabel } from "../../render/format-time.js";
import { inline, mention } from "../../render/markdown.js";
import type { Templates } from "../../render/renderer.js";
import { ROLE_LABELS, timelineRows } from "../../render/timeline-table.js";
import { checklistSummary, pirWords } from "./code-words.js";
import { stampSections } from "./pir-sections.js";

/**
 * The post-incident review file (`templates/pir.md.hbs`), prefilled with everything
 * the incident knows, each section stamped with the hash of what the app wrote.
 */
export interface PirInput {
  state: IncidentState;
  history: IssueHistory;
  config: Config;
  id: string;
  title: string;
  /** The suspects section of the declaration message, if it had one. */
  suspects: string | null;
  /** The recurrence note of the declaration message: earlier incidents on the same service. */
  recurrences?: string | null;
  reviewers: string[];
  now: Date;
  templates: Templates;
}

const ROLE_WORDS: Record<PullRole, string> = {
  hotfix: "hotfix",
  revert: "revert",
  review: "this review",
  linked: "linked",
};
const RESULT_WORDS: Record<string, string> = {
  SUCCESS: "✅ success",
  FAILURE: "❌ failure",
  ERROR: "❌ error",
};

function result(target: TargetState): string {
  switch (target.kind) {
    case "met":
      return "✅ met";
    case "breached":
      return `❌ breached by ${formatDuration(target.took - target.target)}`;
    case "not-recorded":
      return "— not recorded";
    case "running":
      return "⏳ running";
    case "overdue":
      return "❌ breached";
    default:
      return "";
  }
}

function targetOf(target: TargetState): string {
  return "target" in target ? formatDuration(target.target) : "—";
}

function pirDue(
  state: IncidentState,
  config: Config,
  due: Date | null,
  stamp: (date: Date) => string,
): string {
  if (due) return stamp(due);
  const after = config.severities.find((severity) => severity.name === state.severity)?.pirDue;
  return after ? `${formatDeadline(after)} after resolution` : "no review deadline for this severity";
}

const WITHHELD = "_withheld: security incident in a public repository_";

export function renderPir(input: PirInput): string {
  const { state, history, config, id } = input;
  const zone = config.timeZone;
  const t = state.times;
  const c = clocks(state, config, t.resolved ?? input.now);
  const reference = t.declared ?? input.now;
  const at = (date: Date | null) => (date ? timeOnDay(date, reference, zone) : "—");
  const stamp = (date: Date | null) => (date ? `${dateTime(date, zone)} ${zoneLabel(zone)}` : "not recorded");
  const from = c.detected;
  const duration = from && t.resolved ? formatDuration(t.resolved.getTime() - from.getTime()) : "ongoing";
  const severityHistory = state.severityChanges
    .map((change, index) =>
      index === 0 ? `**${change.to}**` : `→ **${change.to}** (${at(change.at)}, @${change.by})`,
    )
    .join(" ");
  const clockRow = (label: string, time: Date | null, took: number | null, target: TargetState | null) => ({
    label,
    time: at(time),
    duration: took === null ? "" : formatDuration(took),
    target: target ? targetOf(target) : "",
    result: target ? result(target) : "",
  });
  const deployments = history.code.deployments
    .filter((d) => d.environment === config.deployments.environment && d.ref === history.repo.defaultBranch)
    .flatMap((d) => d.statuses.map((status) => ({ d, status })))
    .filter(
      ({ status }) =>
        RESULT_WORDS[status.state] &&
        (!t.started || status.at >= t.started) &&
        (!t.resolved || status.at <= t.resolved),
    );
  // Like the declaration: a security incident in a public repository keeps its impact off the file.
  const withhold = exposedSecurityIncident(state, history);
  const view = {
    id,
    title: inline(input.title, 200),
    issueNumber: history.issue.number,
    issueUrl: history.issue.url,
    date: t.declared ? calendarDay(t.declared, zone) : "—",
    severity: state.severity ?? "—",
    severityHistory: severityHistory || (state.severity ?? "—"),
    status: state.status,
    duration,
    window: from && t.resolved ? `${at(from)} – ${at(t.resolved)} ${zoneLabel(zone)}` : "",
    started: stamp(t.started),
    detected: stamp(c.detected),
    declared: stamp(t.declared),
    resolved: stamp(t.resolved),
    roles: ROLE_LABELS.map(([key, label]) => ({
      label,
      people: (state.roles[key] ?? []).map(mention).join(", ") || "—",
    })),
    summary: withhold ? WITHHELD : state.resolution?.summary ? inline(state.resolution.summary, 500) : null,
    impact: withhold
      ? WITHHELD
      : state.form.impact
        ? inline(state.form.impact, 1000)
        : "_not described in the incident_",
    services: state.form.services.length ? inline(state.form.services.join(", ")) : "not named",
    detection: state.form.detection ? inline(state.form.detection) : "not said",
    security: state.security,
    links: withhold ? WITHHELD : state.form.links ? inline(state.form.links, 500) : "none",
    zone: zoneLabel(zone),
    timeline: timelineRows(state, reference, zone),
    clocks: [
      clockRow("Detect", c.detected, c.durations.detect, null),
      clockRow("Acknowledge", t.acknowledged, c.durations.acknowledge, c.targets.acknowledge),
      clockRow("Engage an IC", t.icEngaged, c.durations.ic, c.targets.ic),
      clockRow("Mitigate", t.mitigated, c.durations.mitigate, c.targets.mitigate),
      clockRow("Resolve", t.resolved, c.durations.resolve, c.targets.resolve),
    ],
    suspects: input.suspects,
    recurrences: input.recurrences ?? null,
    pulls: state.linked.map(({ pull, role, reverts }) => ({
      link: `[${pullRef(pull, history.repo.nameWithOwner)}](${pull.url}) ${inline(pull.title, 100)}`,
      // The reverted pull request lives beside its revert, in whichever repository.
      role: reverts
        ? `revert of [${pullRef({ ...pull, number: reverts }, history.repo.nameWithOwner)}](${pull.url.replace(/\d+$/, String(reverts))})`
        : ROLE_WORDS[role],
      opened: at(pull.createdAt),
      closed: pull.mergedAt
        ? `merged ${at(pull.mergedAt)}`
        : pull.closedAt
          ? `closed ${at(pull.closedAt)}`
          : "open",
      by: pull.author?.kind === "User" ? `\`${pull.author.login}\`` : "app",
    })),
    environment: inline(config.deployments.environment, 40),
    deployments: deployments.map(({ d, status }) => ({
      time: at(status.at),
      commit: `[\`${d.sha.slice(0, 7)}\`](${history.repo.url}/commit/${d.sha})`,
      result: RESULT_WORDS[status.state] ?? status.state.toLowerCase(),
      by: status.by ? `\`${status.by}\`` : "—",
    })),
    actionItems: actionItemSummaries(state).map((item) => ({
      action: `${inline(item.text, 200)}${item.issue ? ` (#${item.issue})` : ""}`,
      owner: item.owner ? mention(item.owner) : "",
      due: item.due ? item.due.toISOString().slice(0, 10) : "",
      priority: item.priority ?? "",
      status: item.closer
        ? pirWords.closedBy(closerReference(item.closer, history.repo.nameWithOwner))
        : inline(item.status, 40),
    })),
    checklist: checklistView(state),
    pirDue: pirDue(state, config, c.pirDue, stamp),
    reviewers: input.reviewers.length ? input.reviewers.map(mention).join(", ") : "—",
  };
  return stampSections(input.templates.render("pir", view), id, history.issue.number);
}

/** The checklist's tally, and the items nobody ticked: the review asks why. */
function checklistView(state: IncidentState) {
  const items = state.checklist?.items ?? [];
  if (items.length === 0) return null;
  const unticked = items.filter((item) => !item.ticked);
  return {
    summary: checklistSummary(items.length - unticked.length, items.length),
    unticked: unticked.map((item) => ({ phase: PHASE_TITLES[item.phase], text: inline(item.text, 300) })),
  };
}
