import type { Alert } from "../features/alerts/alert.js";
import {
  type AlertRecord,
  alertIssue,
  alertRecordBody,
  alertReopenedBody,
} from "../features/alerts/alert-issue.js";
import { findIssueForAlert } from "../features/alerts/alert-marker.js";
import {
  decideNewFingerprint,
  isGrouped,
  openedInLastMinute,
  openStorm,
} from "../features/alerts/alert-storm.js";
import { CONTENT_COST } from "../features/alerts/content-budget.js";
import { type AlertDecision, decideAlert, type KnownIncident } from "../features/alerts/decide-alert.js";
import type { AlertRoute } from "../features/alerts/route-alert.js";
import { createIssue } from "../github/apply-issue-writes.js";
import { applyPlan } from "../github/apply-plan.js";
import type { Octokit, Target } from "../github/client.js";
import { loadConfig } from "../github/load-config.js";
import { readAlertIncidents } from "../github/read-alert-incidents.js";
import { historyVariables, readHistory } from "../github/read-history.js";
import type { IssueHistory } from "../kernel/history.js";
import { type AlertContent, UNLIMITED_CONTENT } from "./alert-content.js";
import { recordOf, writeRecord } from "./alert-record-writes.js";
import { countOnStormIncident, openStormIncident, stormRecordOf } from "./alert-storm-writes.js";
import { convergeIncident, type OutsideDeps, type PipelineLog } from "./converge-incident.js";
import { labelsChecked, markLabelsChecked } from "./ensure-labels.js";

/**
 * One alert's pipeline (§14), after the intake has checked and routed it: read the
 * repository's open (and recently closed) incidents once, find the one whose marker
 * holds the fingerprint, decide (pure), write what the decision asks, then converge
 * the incident like any event, so its labels, timeline and notices follow.
 * `firings` counts the notifications of this fingerprint handled together.
 */
export interface AlertJob {
  alert: Alert;
  route: Extract<AlertRoute, { kind: "declare" | "triage" }>;
  firings: number;
}

export interface AlertPipelineInput {
  octokit: Octokit;
  botLogin: string;
  formTemplate: string;
  now: Date;
  log: PipelineLog;
  outside?: OutsideDeps;
  /** Dedupe settings come from the config that routed the alert. */
  dedupe: { flappingWindowMs: number; resolvedMarksMitigated: boolean };
  /** New fingerprints that may open an incident of their own per repository and minute. */
  newIncidentsPerMinute: number;
  /**
   * Runs a firing no open incident holds one repository at a time, so the count of
   * incidents opened in the last minute is read fresh by each (a storm's budget holds).
   */
  exclusive?: <V>(key: string, work: () => Promise<V>) => Promise<V>;
  /** The account's content budget (GitHub's content-creating limits); unlimited when absent. */
  content?: AlertContent;
}

export type AlertOutcome =
  | { kind: "declared" | "triage" | "storm"; repository: string; number: number }
  | { kind: "counted" | "resolved" | "reopened"; repository: string; number: number; firings: number }
  | { kind: "ignored"; reason: string }
  /** No room in the content budget even for the storm incident: the sender should send it again. */
  | { kind: "deferred"; repository: string; retryAfterSeconds: number }
  | { kind: "invalid-config"; repository: string; file: string };

export async function handleAlert(job: AlertJob, input: AlertPipelineInput): Promise<AlertOutcome> {
  const { alert, route } = job;
  const { octokit, now, botLogin } = input;
  const content = input.content ?? UNLIMITED_CONTENT;
  const [owner, repo] = route.repository.split("/") as [string, string];
  const loaded = await loadConfig(
    { octokit, repo: () => ({ owner, repo }) },
    { oid: undefined, now: () => now.getTime() },
  );
  if (!loaded.ok) return { kind: "invalid-config", repository: route.repository, file: loaded.error.file };
  const config = loaded.config;
  const candidates = await readAlertIncidents(
    octokit,
    { owner, repo },
    {
      incidentLabel: config.labels.incident,
      triageLabel: config.labels.triage,
      closedSince: new Date(now.getTime() - input.dedupe.flappingWindowMs),
      botLogin,
    },
  );
  const found = findIssueForAlert(candidates, { source: alert.source, fingerprint: alert.fingerprint });
  if (alert.status === "firing" && found?.state !== "open" && input.exclusive) {
    const { exclusive: _held, ...rest } = input;
    return input.exclusive(`alert-new:${route.repository}`, () => handleAlert(job, rest));
  }
  const variables = historyVariables(config, now, { withRecent: false, id: null });
  const history = found ? await readHistory(octokit, { owner, repo, number: found.number }, variables) : null;
  const record = history ? recordOf(history, alert, botLogin) : null;
  const known: KnownIncident | null =
    found && history
      ? {
          repository: route.repository,
          number: found.number,
          state: found.state,
          resolvedAt: found.closedAt,
          firings: record?.record.firings ?? 1,
          alertResolved: record?.record.resolved != null,
        }
      : null;
  const decision = decideAlert(alert, known, input.dedupe, now);
  input.log.info(
    { fingerprint: alert.fingerprint, repository: route.repository, decision: decision.kind },
    "alert",
  );
  const converge = (target: Target, seen: IssueHistory, withRecent: boolean) =>
    convergeIncident({
      octokit,
      target,
      history: seen,
      config,
      botLogin,
      formTemplate: input.formTemplate,
      now,
      variables: historyVariables(config, now, { withRecent, id: null }),
      withRecent,
      // An alert's incident may be the repository's first: its labels are made once, as for a form.
      checkLabels: withRecent && !labelsChecked(route.repository),
      onLabelsChecked: () => markLabelsChecked(route.repository),
      log: input.log,
      ...(input.outside ? { outside: input.outside } : {}),
    });
  if (decision.kind === "declare") {
    const grouped = await groupIfStorm(false);
    if (grouped) return grouped;
  }
  // A reopening beyond the content budget is grouped with the storm instead.
  if (decision.kind === "reopen" && !(await content.afford(CONTENT_COST.reopen, "own")))
    return (await groupIfStorm(true)) as AlertOutcome;
  return act(decision);

  /**
   * Beyond the minute's budget of incidents or the account's content budget, or already
   * grouped: the storm incident's record counts it. `folded`: it may not have its own.
   */
  async function groupIfStorm(folded: boolean): Promise<AlertOutcome | null> {
    const storm = openStorm(candidates);
    const stormHistory = storm
      ? await readHistory(octokit, { owner, repo, number: storm.number }, variables)
      : null;
    const stormRecord = stormHistory ? stormRecordOf(stormHistory, botLogin) : null;
    const already = stormRecord !== null && isGrouped(stormRecord.record, alert);
    let chosen = already
      ? { kind: "join-storm" as const }
      : decideNewFingerprint(
          folded ? Number.POSITIVE_INFINITY : openedInLastMinute(candidates, now),
          input.newIncidentsPerMinute,
          storm,
        );
    if (chosen.kind === "declare-own") {
      const cost = job.firings > 1 ? CONTENT_COST.declareWithRecord : CONTENT_COST.declare;
      if (await content.afford(cost, "own")) return null;
      chosen = storm ? { kind: "join-storm" } : { kind: "open-storm" };
    }
    input.log.info(
      { fingerprint: alert.fingerprint, repository: route.repository, storm: chosen.kind },
      "alert storm",
    );
    const write = { octokit, owner, repo, config, alert, firings: job.firings, now, converge };
    const deferred = (): AlertOutcome => ({
      kind: "deferred",
      repository: route.repository,
      retryAfterSeconds: content.retryAfterSeconds(),
    });
    if (chosen.kind === "open-storm") {
      if (!(await content.afford(CONTENT_COST.openStorm, "storm"))) return deferred();
      const number = await openStormIncident(write, route, input.newIncidentsPerMinute);
      return { kind: "storm", repository: route.repository, number };
    }
    if (!storm || !stormHistory) return { kind: "ignored", reason: "storm incident not readable" };
    if (!stormRecord && !(await content.afford(CONTENT_COST.stormRecord, "storm"))) return deferred();
    const on = { number: storm.number, history: stormHistory, record: stormRecord };
    const firings = await countOnStormIncident(write, on, variables);
    return { kind: "counted", repository: route.repository, number: storm.number, firings };
  }

  async function act(chosen: AlertDecision): Promise<AlertOutcome> {
    switch (chosen.kind) {
      case "ignore":
        return { kind: "ignored", reason: chosen.reason };
      case "declare": {
        const issue = alertIssue(alert, route, config);
        const created = await createIssue(
          octokit,
          { owner, repo },
          { kind: "create-issue", ref: "alert", assignees: [], ...issue },
        );
        const withRecent = historyVariables(config, now, { withRecent: true, id: null });
        const seen = await readHistory(octokit, { owner, repo, number: created.number }, withRecent);
        if (seen) {
          const target = { owner, repo, number: created.number, issueId: seen.issue.id };
          let latest = seen;
          if (job.firings > 1) {
            // Firings that arrived together with the first: counted from the start.
            const first = { firings: job.firings, last: now.toISOString(), resolved: null, mitigate: false };
            const body = alertRecordBody(alert, first, config);
            const applied = await applyPlan(
              octokit,
              target,
              [{ kind: "add-comment", purpose: "notice", body }],
              withRecent,
            );
            latest = applied.history ?? seen;
          }
          await converge(target, latest, true);
        }
        return {
          kind: route.kind === "declare" ? "declared" : "triage",
          repository: route.repository,
          number: created.number,
        };
      }
      case "add-to-existing":
      case "record-resolved": {
        if (!history) return { kind: "ignored", reason: "incident not readable" };
        const target = { owner, repo, number: chosen.incident.number, issueId: history.issue.id };
        const previous = record?.record;
        const next: AlertRecord =
          chosen.kind === "add-to-existing"
            ? {
                firings: (previous?.firings ?? 1) + job.firings,
                last: now.toISOString(),
                resolved: null,
                mitigate: false,
              }
            : {
                firings: previous?.firings ?? 1,
                last: previous?.last || alert.startsAt,
                resolved: chosen.endsAt,
                mitigate: chosen.markMitigated,
              };
        const recordWrite = { octokit, target, history, alert, config, variables, content };
        const applied = await writeRecord(recordWrite, record, next);
        await converge(target, applied ?? history, false);
        const kind = chosen.kind === "add-to-existing" ? "counted" : "resolved";
        return { kind, repository: route.repository, number: target.number, firings: next.firings };
      }
      case "reopen": {
        if (!history) return { kind: "ignored", reason: "incident not readable" };
        const target = { owner, repo, number: chosen.incident.number, issueId: history.issue.id };
        const body = alertReopenedBody(alert, chosen.resolvedAgoMs);
        const applied = await applyPlan(
          octokit,
          target,
          [{ kind: "add-comment", purpose: "notice", body }],
          variables,
        );
        await converge(target, applied.history ?? history, false);
        return { kind: "reopened", repository: route.repository, number: target.number, firings: 1 };
      }
    }
  }
}
