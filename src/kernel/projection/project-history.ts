import type { ParseContext } from "../../commands/types.js";
import type { Config } from "../../config/schema.js";
import { claimedId } from "../app-artifacts.js";
import type { Actor, HistoryComment, HistoryEvent, IssueHistory } from "../history.js";
import type { IncidentState, Via } from "../incident-state.js";
import { isApp } from "../markers.js";
import { addActionItemEntries, linkedActionItems } from "./action-item-links.js";
import { applyAlertBodyRecords, applyAlertComment, applyAlertIssue } from "./alert-records.js";
import { applyAppRecords } from "./app-records.js";
import { applyCommand } from "./apply-command.js";
import { parseFormTime } from "./form-time.js";
import { syncFreeze } from "./freeze-state.js";
import { parseIncidentForm } from "./incident-form.js";
import { applyPagingComment } from "./paging-records.js";
import { parsedComment } from "./parsed-comment.js";
import { projectCode } from "./project-code.js";
import type { ProjectionContext } from "./projection-context.js";
import { relayedComment } from "./relayed-comment.js";
import { mergedReviews, reviewRequests } from "./review-action-items.js";
import {
  changeSeverity,
  changeStatus,
  declare,
  markDrill,
  reopen,
  resolve,
  securitySeverity,
  vocabulary,
} from "./state-changes.js";

/**
 * `project(history) -> state` (§2.2): the whole incident, recomputed from the issue's
 * history on every event. Missed, repeated or reordered webhooks change nothing,
 * because nothing is remembered between events.
 */
/** A label added together with the issue comes from the issue form (or an API client creating it). */
const FORM_WINDOW_MS = 10_000;

export type { ProjectionContext };

export function parseContext(config: Config, now: Date, repository?: string): ParseContext {
  return {
    now,
    timeZone: config.timeZone,
    severities: config.severities,
    statuses: config.statuses,
    mitigatedStatus: config.mitigatedStatus,
    ...(repository ? { repository } : {}),
  };
}

export function project(history: IssueHistory, ctx: ProjectionContext): IncidentState {
  const { config, botLogin } = ctx;
  const form = parseIncidentForm(history.issue.body, ctx.formTemplate);
  const state: IncidentState = {
    declaration: null,
    id: claimedId(history, botLogin),
    triage: false,
    severity: null,
    status: config.statuses[0] as string,
    open: history.issue.state === "OPEN",
    severityChanges: [],
    statusChanges: [],
    roles: {},
    acknowledgedBy: null,
    times: {
      started: parseFormTime(form.started, config, history.issue.createdAt),
      detected: null,
      declared: null,
      acknowledged: null,
      icEngaged: null,
      mitigated: null,
      resolved: null,
    },
    updates: [],
    publicUpdates: [],
    security: form.security,
    resolution: null,
    form,
    entries: [],
    acknowledgements: [],
    freeze: { active: false, override: null },
    linked: [],
    actionRequests: [],
    actionItems: [],
    falsePositive: null,
    drill: null,
  };

  applyAlertIssue(state, history, ctx);
  for (const item of history.items) {
    if (item.type === "cross-referenced") continue;
    if (item.type === "comment") onComment(state, item, history, ctx);
    else if (!isApp(item.actor, botLogin)) onEvent(state, item, history, ctx);
    const by = item.type === "comment" ? item.author : item.actor;
    const source = item.type === "comment" ? { url: item.url, commentId: item.databaseId } : undefined;
    syncFreeze(state, config, item.at, by?.login ?? null, source);
  }
  applyAlertBodyRecords(state, history, ctx);
  projectCode(state, history, config, botLogin);

  state.actionItems = linkedActionItems(history, botLogin);
  state.actionRequests.push(...reviewRequests(mergedReviews(state, history, config)));
  addActionItemEntries(state, history.repo.nameWithOwner);
  state.entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  // A security label removed by mistake stops counting; the severity it raised stays.
  state.security =
    form.security ||
    history.issue.labels.includes(config.security.label) ||
    state.entries.some((entry) => entry.kind === "security");
  state.open = state.declaration ? state.status !== vocabulary(config).resolved : state.open;
  return state;
}

function onComment(
  state: IncidentState,
  comment: HistoryComment,
  history: IssueHistory,
  ctx: ProjectionContext,
) {
  // Bots never drive an incident: not the app itself, not any other. The app's own
  // records of what the sweep did (escalations, automatic severity) are read, though,
  // and so are the commands it relayed from Slack for a person: as that person's.
  if (isApp(comment.author, ctx.botLogin)) {
    applyAppRecords(state, comment, ctx);
    applyAlertComment(state, comment, ctx);
    applyPagingComment(state, comment, ctx);
    const relayed = relayedComment(comment, ctx.botLogin);
    if (relayed) onPersonComment(state, relayed.comment, history, ctx, relayed.channel);
    return;
  }
  if (!comment.author || comment.author.kind === "Bot") return;
  onPersonComment(state, comment, history, ctx, null);
}

function onPersonComment(
  state: IncidentState,
  comment: HistoryComment,
  history: IssueHistory,
  ctx: ProjectionContext,
  slackChannel: string | null,
) {
  const before = state.entries.length;
  onCommands(state, comment, history, ctx);
  if (slackChannel !== null)
    for (const entry of state.entries.slice(before))
      if (entry.commentId === comment.databaseId) entry.slackChannel = slackChannel;
}

function onCommands(
  state: IncidentState,
  comment: HistoryComment,
  history: IssueHistory,
  ctx: ProjectionContext,
) {
  const lines = parsedComment(comment.body, parseContext(ctx.config, comment.at, history.repo.nameWithOwner));
  if (lines.length === 0) return;
  if (!ctx.config.permissions.commands.includes(comment.association)) {
    state.acknowledgements.push({ kind: "outsider", comment });
    return;
  }
  for (const line of lines) {
    if (!line.ok) {
      state.acknowledgements.push({
        kind: "rejected",
        comment,
        line: line.line,
        raw: line.raw,
        error: line.error,
      });
      continue;
    }
    const refusal = applyCommand(state, line.command, comment, ctx.config);
    state.acknowledgements.push(
      refusal === null
        ? { kind: "accepted", comment, line: line.line, command: line.command }
        : { kind: "refused", comment, line: line.line, command: line.command, reason: refusal },
    );
  }
}

function onEvent(state: IncidentState, event: HistoryEvent, history: IssueHistory, ctx: ProjectionContext) {
  const { config } = ctx;
  const words = vocabulary(config);
  const by = event.actor?.login ?? "ghost";
  switch (event.type) {
    case "unlabeled":
      if (event.label === config.labels.freeze && state.declaration) state.freeze.override = false;
      if (event.label === config.labels.drill) state.drill = null;
      if (event.label === config.labels.falsePositive) state.falsePositive = null;
      return;
    case "labeled": {
      if (event.label === config.labels.incident) {
        onIncidentLabel(state, event.at, event.actor, history, ctx);
        return;
      }
      if (event.label === config.security.label) {
        onSecurityLabel(state, event.at, by, config);
        return;
      }
      if (event.label === config.labels.freeze && state.declaration) {
        state.freeze.override = true;
        return;
      }
      if (event.label === config.labels.drill) {
        markDrill(state, event.at, by, "label");
        return;
      }
      if (event.label === config.labels.falsePositive && state.declaration) {
        state.falsePositive ??= { at: event.at, by, reason: null };
        return;
      }
      const severity = words.severityByLabel.get(event.label);
      if (severity) changeSeverity(state, severity, event.at, by, "label", null, config);
      const status = words.statusByLabel.get(event.label);
      if (status) changeStatus(state, status, event.at, by, "label", null, config);
      return;
    }
    case "closed":
      if (state.declaration && state.status !== words.resolved) {
        const reason = event.stateReason === "NOT_PLANNED" ? "closed as not planned" : null;
        resolve(state, event.at, by, "issue", reason, config);
        if (reason) state.falsePositive ??= { at: event.at, by, reason };
      }
      return;
    case "reopened":
      if (state.declaration && state.status === words.resolved)
        reopen(state, event.at, by, "issue", null, config);
      return;
    default:
      return;
  }
}

/** A security label raises the incident to the security severity (once; people may lower it after). */
function onSecurityLabel(state: IncidentState, at: Date, by: string, config: Config) {
  state.security = true;
  changeSeverity(state, securitySeverity(config), at, by, "auto", "security incident", config);
}

function onIncidentLabel(
  state: IncidentState,
  at: Date,
  actor: Actor | null,
  history: IssueHistory,
  ctx: ProjectionContext,
) {
  if (state.declaration) return;
  const { issue } = history;
  const withIssue =
    at.getTime() - issue.createdAt.getTime() <= FORM_WINDOW_MS && actor?.login === issue.author?.login;
  // Adding a label by hand needs triage access; a label that came with the issue
  // (the form applies it) says nothing about its author, so check who they are.
  const allowed = withIssue ? ctx.config.permissions.declare.includes(issue.association) : true;
  const by = actor?.login ?? "ghost";
  if (!allowed) {
    state.triage = true;
    state.entries.push({
      at,
      kind: "triage",
      text: "Held for triage: someone allowed must `/declare` it",
      quote: null,
      by,
      url: null,
      backdated: false,
      commentId: null,
    });
    return;
  }
  const via: Via = withIssue ? "form" : "label";
  declare(state, at, by, via, null, ctx.config);
}
