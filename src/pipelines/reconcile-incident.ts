import type { Context } from "probot";
import type { Config } from "../config/schema.js";
import { ConfigSchema } from "../config/schema.js";
import type { RollbackStatusEvent } from "../features/code-response/decide-rollback.js";
import { awaitsIncidentList, awaitsMetrics } from "../features/incident/decide-incident.js";
import { asOctokit } from "../github/client.js";
import { historyVariables } from "../github/read-history.js";
import { withRecurrenceElsewhere } from "../github/read-recurrence-elsewhere.js";
import { claimedId } from "../kernel/app-artifacts.js";
import { idFromTitle } from "../kernel/incident-id.js";
import type { AppDeps } from "./app-deps.js";
import { checklistEditOf } from "./checklist-edit-event.js";
import { convergeIncident } from "./converge-incident.js";
import { labelsChecked, markLabelsChecked } from "./ensure-labels.js";
import { incidentReader } from "./incident-read.js";
import { refreshIdsElsewhere, withElsewhere } from "./organisation-reads.js";
import { readExtrasFor } from "./read-extras.js";
import { accountOf, readIncidentListReply } from "./read-incident-list.js";
import { readMetricsSummary } from "./read-metrics.js";
import { loadRepoConfig, reportConfigError } from "./repo-config.js";
import { loadRepoTemplates } from "./repo-templates.js";
import { withRetries } from "./with-retries.js";

/**
 * The pipeline every incident event runs (§2.5): read the history once → decide a
 * plan (pure) → apply it → verify with the history the last write returned, and
 * decide again until nothing is left to do (`convergeIncident`, shared with the sweep).
 * When GitHub fails a request, the whole pipeline runs again from a fresh read
 * (`withRetries`), never the write alone.
 */
const FALLBACK_CONFIG: Config = ConfigSchema.parse({});

/**
 * The incident to reconcile: its number, and its title as the event showed it (the id
 * in it). The event may be about another issue or pull request (an action item, a hotfix).
 */
export interface IncidentRef {
  number: number;
  title: string;
  /**
   * Where the incident lives when not in the event's repository (a code repository's pull
   * request or a rollback's deployment status).
   */
  repository?: { owner: string; repo: string };
}

/** What an event in another repository says of the incident (a rollback's deployment status). */
export interface ElsewhereEvent {
  rollbackStatus: RollbackStatusEvent;
}

export async function reconcileIncident(
  context: Context,
  deps: AppDeps,
  incident: IncidentRef,
  elsewhere?: ElsewhereEvent,
): Promise<void> {
  const { owner, repo } = incident.repository ?? context.repo();
  await deps.lock.run(`${owner}/${repo}#${incident.number}`, () =>
    withRetries(
      (_attempt, final) => reconcileOnce(context, deps, incident, { owner, repo, elsewhere }, !final),
      deps.retry,
      context.log,
    ),
  );
}

async function reconcileOnce(
  context: Context,
  deps: AppDeps,
  incident: IncidentRef,
  where: { owner: string; repo: string; elsewhere: ElsewhereEvent | undefined },
  retried: boolean,
): Promise<void> {
  const { number } = incident;
  const { owner, repo, elsewhere } = where;
  const octokit = asOctokit(context.octokit);
  const now = deps.clock();
  let log = context.log;
  // The config is the incident's repository's, which is not the event's for a rollback elsewhere.
  const configContext = { octokit: context.octokit, repo: () => ({ owner, repo }) };

  // The incident's repository's config counts, wherever the event happened.
  const loaded = await loadRepoConfig(configContext, undefined, now);
  const config = loaded.ok ? loaded.config : FALLBACK_CONFIG;
  const id = idFromTitle(incident.title);
  const withRecent = id === null;
  let variables = historyVariables(config, now, { withRecent, id });
  const botLogin = await deps.botLogin();
  const read = incidentReader(context, { botLogin, key: deps.env().WEBHOOK_SECRET ?? null });
  // The site to publish and the pull requests to revert, when the comment asks: in the same read.
  const first = await read(
    octokit,
    { owner, repo, number },
    variables,
    readExtrasFor(context.payload, { owner, repo }, config, now),
  );
  if (!first) return;
  let history = first.history;

  if (!loaded.ok) {
    await reportConfigError(octokit, history, loaded.error, deps);
    return;
  }
  // The read tells whether the config file changed since it was cached.
  const fresh = await loadRepoConfig(configContext, history.repo.configOid, now);
  if (!fresh.ok) {
    await reportConfigError(octokit, history, fresh.error, deps);
    return;
  }
  // Told once per distinct set of problems (found by its marker in the read, no request), then the incident goes on.
  if (fresh.warnings) await reportConfigError(octokit, history, fresh.warnings, deps, "warning");

  const templates = await loadRepoTemplates(octokit, { owner, repo }, history.repo.templatesOid, log);
  // A title without the id the app claimed (edited by hand): read again, now looking at its code.
  const claimed = claimedId(history, botLogin);
  if (claimed && !variables.withCode) {
    variables = historyVariables(fresh.config, now, { withRecent, id: claimed });
    const again = await read(octokit, { owner, repo, number }, variables);
    if (!again) return;
    history = again.history;
  }
  // Declaring with `recurrence.repos`: earlier incidents kept elsewhere count too.
  if (withRecent)
    history = await withRecurrenceElsewhere(octokit, history, fresh.config.recurrence.repos, variables);
  // Organisation mode: ids, suspects and the freeze in the other repositories, one batched read.
  const org = {
    octokit,
    config: fresh.config,
    botLogin,
    formTemplate: deps.formTemplate,
    variables,
    declaring: withRecent,
    retried,
    log: context.log,
  };
  const elsewhereRead = await withElsewhere(org, history);
  history = elsewhereRead.history;
  // Only a `/metrics` waiting for its answer costs the extra (paged) read of all incidents.
  const known = { config: fresh.config, botLogin, formTemplate: deps.formTemplate, now };
  const metricsSummary = awaitsMetrics({ ...known, history, checkLabels: false })
    ? await readMetricsSummary(octokit, history.repo.nameWithOwner, known, now)
    : undefined;
  // Likewise `/incidents`: one search across the installation's repositories.
  const incidentList = awaitsIncidentList({ ...known, history, checkLabels: false })
    ? await readIncidentListReply(
        octokit,
        { ...accountOf(context.payload, owner), incidentLabel: fresh.config.labels.incident },
        known,
        now,
        { repo: history.repo.nameWithOwner, private: history.repo.private },
      )
    : undefined;
  await convergeIncident({
    ...known,
    octokit,
    target: { owner, repo, number, issueId: history.issue.id },
    history,
    variables,
    withRecent,
    checkLabels: !labelsChecked(`${owner}/${repo}`),
    onLabelsChecked: () => markLabelsChecked(`${owner}/${repo}`),
    refresh: (before, after) => refreshIdsElsewhere(org, before, after),
    event: {
      commentId:
        "comment" in context.payload ? (context.payload as { comment: { id: number } }).comment.id : null,
      ...checklistEvent(context.payload, botLogin),
      ...(elsewhere ? { rollbackStatus: elsewhere.rollbackStatus } : {}),
    },
    // Getters: the log names the incident once its id is known.
    log: {
      info: (fields, message) => log.info(fields, message),
      debug: (fields, message) => log.debug(fields, message),
      warn: (fields, message) => log.warn(fields, message),
    },
    templates,
    retried,
    writeFailures: elsewhereRead.failures,
    ...(metricsSummary ? { metricsSummary } : {}),
    ...(incidentList !== undefined ? { incidentList } : {}),
    ...(first.site !== undefined ? { site: first.site } : {}),
    outside: {
      chat: deps.chat,
      publishFiles: deps.publishFiles,
      warRoom: deps.warRoom,
      get log() {
        return log;
      },
    },
    onIncidentId: (incidentId) => {
      log = log.child({ incident: incidentId });
      context.octokit.log = log.child({ name: "github" });
    },
  });
}

function checklistEvent(payload: unknown, botLogin: string) {
  const checklistEdit = checklistEditOf(payload, botLogin);
  return checklistEdit ? { checklistEdit } : {};
}
