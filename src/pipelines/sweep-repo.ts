import type { Config } from "../config/schema.js";
import { due } from "../features/sweep/due.js";
import { sweepMessage } from "../features/sweep/reminder-words.js";
import {
  actionItemForSweep,
  incidentForSweep,
  type SweepIncident,
  type SweepSnapshot,
} from "../features/sweep/sweep-snapshot.js";
import { describeSweepTask, type SweepTask, taskTarget } from "../features/sweep/sweep-task.js";
import { applyPlan, applyRepoPlan } from "../github/apply-plan.js";
import type { Octokit } from "../github/client.js";
import { loadConfig } from "../github/load-config.js";
import { historyVariables } from "../github/read-history.js";
import { readSweep } from "../github/read-sweep.js";
import { deadlineUpperBound } from "../kernel/business-days.js";
import { idFromTitle } from "../kernel/incident-id.js";
import { withCommsDraft } from "./comms-prompt-draft.js";
import { convergeIncident, type OutsideDeps, type PipelineLog } from "./converge-incident.js";
import type { IssueLock } from "./issue-lock.js";
import { type Refreshed, refreshIncidents, staleIncidents } from "./refresh-incidents.js";

/**
 * The sweep of one repository (§10), a thin runner: config → one paged read →
 * snapshot → `due()` (pure) → post each action (or, in a dry run, describe it).
 * Escalations and automatic severity changes then converge their incident, so labels
 * and the timeline show them; incidents whose timeline went stale (a clock changed
 * state, a missed event) are converged too (`refresh-incidents.ts`).
 */
export interface SweepRepoInput {
  octokit: Octokit;
  owner: string;
  repo: string;
  now: Date;
  dryRun: boolean;
  botLogin: string;
  formTemplate: string;
  log: PipelineLog;
  outside?: OutsideDeps;
  /** Turns per issue shared with webhook handlers (the server's queue). */
  lock?: IssueLock;
}

export interface SweepRepoResult {
  repo: string;
  actions: SweepTask[];
  /** One line per action, as a dry run prints it. */
  plan: string[];
  applied: number;
  /** Why nothing was decided (no such repo, an invalid config). */
  skipped: string | null;
  /** Incidents converged because their timeline was stale (or would be, in a dry run). */
  refreshed: Refreshed[];
}

/** How far back closed incidents can still owe a PIR reminder. */
function closedSince(config: Config, now: Date): Date | null {
  const dues = config.severities.flatMap((severity) =>
    severity.pirDue === null ? [] : [deadlineUpperBound(severity.pirDue)],
  );
  if (dues.length === 0) return null;
  const lookback = Math.max(...dues) + config.reminders.pirDueSoon + 2 * config.reminders.overdueEvery;
  return new Date(now.getTime() - lookback);
}

export async function sweepRepo(input: SweepRepoInput): Promise<SweepRepoResult> {
  const { octokit, owner, repo, now, botLogin } = input;
  const name = `${owner}/${repo}`;
  const result: SweepRepoResult = {
    repo: name,
    actions: [],
    plan: [],
    applied: 0,
    skipped: null,
    refreshed: [],
  };
  const context = { octokit, repo: () => ({ owner, repo }) };
  const loaded = await loadConfig(context, { oid: undefined, now: () => now.getTime() });
  if (!loaded.ok) return { ...result, skipped: `invalid configuration (${loaded.error.file})` };
  let config = loaded.config;
  const read = await readSweep(octokit, {
    owner,
    repo,
    incidentLabel: config.labels.incident,
    actionItemLabel: config.labels.actionItem,
    closedSince: closedSince(config, now),
  });
  if (!read) return { ...result, skipped: "repository not found" };
  // The read names the config file's blob: it vouches for the cached config (or replaces it).
  const fresh = await loadConfig(context, { oid: read.repo.configOid, now: () => now.getTime() });
  if (!fresh.ok) return { ...result, skipped: `invalid configuration (${fresh.error.file})` };
  config = fresh.config;

  const ctx = { config, botLogin, formTemplate: input.formTemplate };
  const snapshot: SweepSnapshot = {
    repo: name,
    incidents: read.incidents.flatMap((history) => incidentForSweep(history, ctx) ?? []),
    actionItems: read.actionItems.flatMap((item) => actionItemForSweep(item, botLogin) ?? []),
  };
  result.actions = due(now, snapshot, config);
  result.plan = result.actions.map(describeSweepTask);
  const histories = new Map(read.incidents.map((history) => [history.issue.number, history]));
  const converged = new Set(
    result.actions.flatMap((action) =>
      action.kind === "escalation" || action.kind === "auto-severity" || action.kind === "page-after"
        ? [action.incident]
        : [],
    ),
  );
  const refresh = {
    owner,
    repo,
    now,
    config,
    botLogin,
    incidents: snapshot.incidents,
    histories,
    done: converged,
  };
  result.refreshed = staleIncidents(refresh);
  if (input.dryRun) return result;

  // A reminder is one comment, read back by nobody but the next sweep.
  const postReminder = (on: { id: string; number: number }, body: string) =>
    applyRepoPlan(octokit, { owner, repo }, [
      { kind: "comment-on", subjectId: on.id, number: on.number, purpose: "reminder", body },
    ]);
  for (const action of result.actions) {
    const body = withCommsDraft(action, sweepMessage(action, snapshot, config, now), snapshot, config, now);
    if (action.kind === "item-reminder") {
      const item = snapshot.actionItems.find((i) => i.number === action.item);
      if (item) await postReminder(item, body);
    } else if (
      action.kind === "escalation" ||
      action.kind === "auto-severity" ||
      action.kind === "page-after"
    ) {
      const incident = snapshot.incidents.find((i) => i.number === action.incident) as SweepIncident;
      const known = histories.get(incident.number);
      const variables = historyVariables(config, now, {
        withRecent: false,
        id: known ? idFromTitle(known.issue.title) : null,
      });
      const target = { owner, repo, number: incident.number, issueId: incident.id };
      const record = [{ kind: "add-comment", purpose: "notice", body } as const];
      const history = (await applyPlan(octokit, target, record, variables)).history ?? known;
      if (history)
        await convergeIncident({
          ...ctx,
          octokit,
          target,
          history,
          now,
          variables,
          checkLabels: false,
          log: input.log,
          ...(input.outside ? { outside: input.outside } : {}),
        });
    } else {
      const incident = snapshot.incidents.find((i) => i.number === taskTarget(action));
      if (incident) await postReminder(incident, body);
    }
    result.applied += 1;
  }
  if (result.applied) input.log.info({ repo: name, actions: result.plan }, "sweep posted");
  if (result.refreshed.length) {
    const { formTemplate, log, lock, outside } = input;
    await refreshIncidents(
      { ...refresh, octokit, formTemplate, log, ...(lock ? { lock } : {}), ...(outside ? { outside } : {}) },
      result.refreshed,
    );
  }
  return result;
}
