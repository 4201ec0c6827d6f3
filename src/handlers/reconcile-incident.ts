import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import type { Config } from "../config/schema.js";
import { ConfigSchema } from "../config/schema.js";
import { claimedId } from "../domain/app-artifacts.js";
import { idFromTitle } from "../domain/incident-id.js";
import { applyPlan, type Target } from "../github/apply-plan.js";
import { historyVariables, type Octokit, readHistory } from "../github/read-history.js";
import { awaitsMetrics, decideIncident } from "../plan/decide-incident.js";
import type { OutwardInput } from "../plan/decide-outward.js";
import { labelsChecked, markLabelsChecked } from "./ensure-labels.js";
import { publishForIncident } from "./publish-status-site.js";
import { readMetricsSummary } from "./read-metrics.js";
import { loadRepoConfig, reportConfigError } from "./repo-config.js";
import { loadRepoTemplates } from "./repo-templates.js";
import { sendNotices } from "./send-notices.js";
import { withRetries } from "./with-retries.js";

/**
 * The pipeline every incident event runs (§2.5): read the history once → decide a
 * plan (pure) → apply it → verify with the history the last write returned, and
 * decide again until nothing is left to do. A plan that needs the status page
 * published publishes it first (once per event), so its timeline write records it;
 * chat notices the plan claimed are sent after it is applied. When GitHub fails a
 * request, the whole pipeline runs again from a fresh read (`withRetries`), never
 * the write alone.
 */
const MAX_ROUNDS = 4;
const FALLBACK_CONFIG: Config = ConfigSchema.parse({});

/** The incident to reconcile: its number, and its title as the event showed it (the id in it). */
export interface IncidentRef {
  number: number;
  title: string;
}

export async function reconcileIncident(
  context: Context,
  deps: AppDeps,
  incident: IncidentRef,
): Promise<void> {
  const { owner, repo } = context.repo();
  await withRetries(() => reconcileOnce(context, deps, incident, owner, repo), deps.retry, context.log);
}

async function reconcileOnce(
  context: Context,
  deps: AppDeps,
  incident: IncidentRef,
  owner: string,
  repo: string,
): Promise<void> {
  const { number } = incident;
  const octokit = context.octokit as unknown as Octokit;
  const now = deps.clock();
  let log = context.log;

  const loaded = await loadRepoConfig(context, undefined, now);
  const config = loaded.ok ? loaded.config : FALLBACK_CONFIG;
  const id = idFromTitle(incident.title);
  const withRecent = id === null;
  let variables = historyVariables(config, now, { withRecent, id });
  let history = await readHistory(octokit, { owner, repo, number }, variables);
  if (!history) return;

  if (!loaded.ok) {
    await reportConfigError(octokit, history, loaded.error, deps);
    return;
  }
  // The read tells whether the config file changed since it was cached.
  const fresh = await loadRepoConfig(context, history.repo.configOid, now);
  if (!fresh.ok) {
    await reportConfigError(octokit, history, fresh.error, deps);
    return;
  }

  const templates = await loadRepoTemplates(octokit, { owner, repo }, history.repo.templatesOid, log);
  const botLogin = await deps.botLogin();
  // A title without the id the app claimed (edited by hand): read again, now looking at its code.
  const claimed = claimedId(history, botLogin);
  if (claimed && !variables.withCode) {
    variables = historyVariables(fresh.config, now, { withRecent, id: claimed });
    history = await readHistory(octokit, { owner, repo, number }, variables);
    if (!history) return;
  }
  const target: Target = { owner, repo, number, issueId: history.issue.id };
  const repoKey = `${owner}/${repo}`;
  const checkLabels = !labelsChecked(repoKey);
  const known = { config: fresh.config, botLogin, formTemplate: deps.formTemplate, now };
  // Only a `/metrics` waiting for its answer costs the extra (paged) read of all incidents.
  const metricsSummary = awaitsMetrics({ ...known, history, checkLabels: false })
    ? await readMetricsSummary(octokit, history.repo.nameWithOwner, known, now)
    : undefined;
  let outward: OutwardInput = {};
  let publishTried = false;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const input = {
      ...known,
      history,
      checkLabels: checkLabels && round === 1,
      ...(metricsSummary ? { metricsSummary } : {}),
      templates,
      event: {
        commentId:
          "comment" in context.payload ? (context.payload as { comment: { id: number } }).comment.id : null,
      },
    };
    let decision = decideIncident({ ...input, outward });
    if (decision.state.id && round === 1) {
      log = log.child({ incident: decision.state.id });
      context.octokit.log = log.child({ name: "github" });
    }
    if (decision.publication && !publishTried) {
      publishTried = true;
      const site = { owner, repo, ...input, incidentId: decision.state.id ?? `#${number}` };
      outward = await publishForIncident(octokit, site, decision.publication.hash, deps.publishFiles, log);
      decision = decideIncident({ ...input, outward });
    }
    const { state, plan, notices } = decision;
    if (plan.length === 0) {
      if (checkLabels) markLabelsChecked(repoKey);
      if (round > 1) log.debug({ rounds: round - 1 }, "incident converged");
      return;
    }
    // Declared just now: the history the writes return also shows the code of the new id.
    if (state.id && !variables.withCode)
      variables = historyVariables(fresh.config, now, { withRecent, id: state.id });
    const result = await applyPlan(octokit, target, plan, variables);
    if (checkLabels) markLabelsChecked(repoKey);
    log.info({ round, writes: result.applied }, "applied plan");
    // Reactions alone change nothing the projection reads: no verify read needed.
    if (!result.history && !result.unverified) return;
    const next =
      result.history && !result.unverified
        ? result.history
        : await readHistory(octokit, { owner, repo, number }, variables);
    if (!next) return;
    history = next;
    if (notices.length) {
      const chat = { octokit, target, history, variables, notices, config: fresh.config, botLogin };
      sendNotices({ ...chat, chat: deps.chat, log });
    }
  }
  log.warn({ rounds: MAX_ROUNDS }, "incident did not converge; the next event will continue");
}
