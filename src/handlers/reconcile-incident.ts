import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import type { Config } from "../config/schema.js";
import { ConfigSchema } from "../config/schema.js";
import { claimedId } from "../domain/app-artifacts.js";
import { idFromTitle } from "../domain/incident-id.js";
import { applyPlan, type Target } from "../github/apply-plan.js";
import { historyVariables, type Octokit, readHistory } from "../github/read-history.js";
import { decideIncident } from "../plan/decide-incident.js";
import { labelsChecked } from "./ensure-labels.js";
import { loadRepoConfig, reportConfigError } from "./repo-config.js";

/**
 * The pipeline every incident event runs (§2.5): read the history once → decide a
 * plan (pure) → apply it → verify with the history the last write returned, and
 * decide again until nothing is left to do.
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
  const { number } = incident;
  const octokit = context.octokit as unknown as Octokit;
  const now = deps.clock();
  const log = context.log.child({ repo: `${owner}/${repo}`, issue: number });

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

  const botLogin = await deps.botLogin();
  // A title without the id the app claimed (edited by hand): read again, now looking at its code.
  const claimed = claimedId(history, botLogin);
  if (claimed && !variables.withCode) {
    variables = historyVariables(fresh.config, now, { withRecent, id: claimed });
    history = await readHistory(octokit, { owner, repo, number }, variables);
    if (!history) return;
  }
  const target: Target = { owner, repo, number, issueId: history.issue.id };
  const checkLabels = !labelsChecked(`${owner}/${repo}`);
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const { state, plan } = decideIncident({
      history,
      config: fresh.config,
      botLogin,
      formTemplate: deps.formTemplate,
      now,
      checkLabels: checkLabels && round === 1,
    });
    if (plan.length === 0) {
      if (round > 1) log.debug({ incident: state.id, rounds: round - 1 }, "incident converged");
      return;
    }
    // Declared just now: the history the writes return also shows the code of the new id.
    if (state.id && !variables.withCode)
      variables = historyVariables(fresh.config, now, { withRecent, id: state.id });
    const result = await applyPlan(octokit, target, plan, variables);
    log.info({ incident: state.id, round, writes: result.applied }, "applied plan");
    const next =
      result.history && !result.unverified
        ? result.history
        : await readHistory(octokit, { owner, repo, number }, variables);
    if (!next) return;
    history = next;
  }
  log.warn({ rounds: MAX_ROUNDS }, "incident did not converge; the next event will continue");
}
