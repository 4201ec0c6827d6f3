import type { Command } from "../../commands/types.js";
import type { Config } from "../../config/schema.js";
import { whoMay } from "../association-names.js";
import type { HistoryComment } from "../history.js";
import type { IncidentState } from "../incident-state.js";
import { actionRequest } from "./action-request.js";
import { applyPage } from "./page-command.js";
import {
  addEntry,
  changeSeverity,
  changeStatus,
  declare,
  markDrill,
  markFalsePositive,
  markSecurity,
  reopen,
  resolve,
  vocabulary,
} from "./state-changes.js";
import { ROLE_TITLES, timelineWords } from "./timeline-words.js";

/** Commands whose effects arrive with later capabilities: answered plainly, never ignored. */
const NOT_YET: ReadonlySet<Command["kind"]> = new Set<Command["kind"]>([]);

/**
 * Applies one accepted command to the state. Returns null when it took effect, or
 * the reason it did not (shown to the person who typed it).
 */
export function applyCommand(
  state: IncidentState,
  command: Command,
  comment: HistoryComment,
  config: Config,
): string | null {
  const at = comment.at;
  const by = comment.author?.login ?? "ghost";
  const source = { url: comment.url, commentId: comment.databaseId };
  if (NOT_YET.has(command.kind))
    return `\`/${command.kind}\` is not available in this version of the app yet.`;
  // Answered with content, changing nothing: they work on any issue.
  if (
    command.kind === "help" ||
    command.kind === "metrics" ||
    command.kind === "oncall" ||
    command.kind === "incidents"
  )
    return null;
  if (command.kind === "declare") {
    // No id here: it may be claimed in the same round, and the reply must not change with it.
    if (state.declaration) return "This issue is already an incident.";
    declare(state, at, by, "command", command.severity, config);
    return null;
  }
  if (!state.declaration) {
    return "This issue is not an incident yet: declare it first with `/declare SEV-2` (or the severity you need).";
  }
  const words = vocabulary(config);
  switch (command.kind) {
    case "ack":
      if (state.times.acknowledged) return null;
      state.times.acknowledged = at;
      state.acknowledgedBy = by;
      addEntry(state, "ack", at, by, timelineWords.acknowledged, { ...source, quote: command.text });
      if (!state.roles.ic?.length) {
        state.roles.ic = [by];
        state.times.icEngaged ??= at;
        addEntry(state, "role", at, by, timelineWords.role(ROLE_TITLES.ic, by), source);
      }
      return null;
    case "severity":
      changeSeverity(state, command.severity, at, by, "command", command.reason, config, source);
      return null;
    case "status":
      if (command.status === words.resolved && state.status === words.resolved)
        return "It is already resolved.";
      changeStatus(state, command.status, at, by, "command", command.text, config, source);
      return null;
    case "role": {
      const handle = command.handle === "me" ? by : command.handle;
      const current = state.roles[command.role] ?? [];
      if (current.includes(handle)) return null;
      state.roles[command.role] = command.role === "sme" ? [...current, handle] : [handle];
      if (command.role === "ic") state.times.icEngaged ??= at;
      addEntry(state, "role", at, by, timelineWords.role(ROLE_TITLES[command.role], handle), source);
      return null;
    }
    case "note":
      addEntry(state, "note", command.at ?? at, by, timelineWords.note, {
        ...source,
        quote: command.text,
        backdated: command.at !== null && command.at.getTime() < at.getTime() - 60_000,
      });
      return null;
    case "started":
      state.times.started = command.at;
      addEntry(state, "started", command.at, by, timelineWords.impactStarted, { ...source, backdated: true });
      return null;
    case "detected":
      state.times.detected = command.at;
      addEntry(state, "detected", command.at, by, timelineWords.detected, { ...source, backdated: true });
      return null;
    case "update":
      state.updates.push({ at, by, text: command.text, commentId: comment.databaseId });
      addEntry(state, "update", at, by, timelineWords.update, { ...source, quote: command.text });
      return null;
    case "resolve":
      if (state.status === words.resolved) return "It is already resolved.";
      resolve(state, at, by, "command", command.summary, config, source);
      return null;
    case "reopen":
      if (state.status !== words.resolved) return "It is not resolved, so there is nothing to reopen.";
      reopen(state, at, by, "command", command.reason, config, source);
      return null;
    case "false-positive":
      if (state.falsePositive) return "It is already closed as a false positive.";
      markFalsePositive(state, at, by, command.reason, config, source);
      return null;
    case "security":
      markSecurity(state, at, by, config, source);
      return null;
    case "drill":
      if (state.drill) return null;
      markDrill(state, at, by, "command", source);
      return null;
    case "public-status": {
      const allowed = config.permissions.publicStatus;
      if (!allowed.includes(comment.association)) {
        return `Only ${whoMay(allowed)} may publish customer-facing updates; ask the comms lead.`;
      }
      state.publicUpdates.push({
        at,
        by,
        state: command.state,
        text: command.text,
        commentId: comment.databaseId,
      });
      addEntry(state, "public", at, by, timelineWords.publicStatus(command.state), {
        ...source,
        quote: command.text,
      });
      return null;
    }
    case "escalate":
      addEntry(state, "escalated", at, by, timelineWords.escalated, { ...source, quote: command.note });
      return null;
    case "page":
      return applyPage(state, command, at, by, config, source);
    case "freeze":
      state.freeze.override = command.on;
      return null;
    // Code response: accepted here; the branch, revert and review are planned by decide.
    case "hotfix":
    case "rollback":
    case "revert":
    // Moving is decided once the incident converged (features/incident/move-command.ts).
    case "move":
    case "pir":
    case "comms-draft":
    case "timeline":
      return null;
    case "action":
      state.actionRequests.push(actionRequest(state, command, comment, config));
      return null;
    case "due":
    case "owner":
    case "priority":
      return `\`/${command.kind}\` changes an action item: run it in a comment on the action item's issue. Here, \`/action <text> @owner due:<date> priority:<p>\` creates one.`;
  }
}
