import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import type { Config } from "../config/schema.js";
import { ConfigSchema } from "../config/schema.js";
import { applyPlan, type Target } from "../github/apply-plan.js";
import { historyVariables, type Octokit, readHistory } from "../github/read-history.js";
import { decideIncident } from "../plan/decide-incident.js";
import { labelsChecked, markLabelsChecked } from "./ensure-labels.js";
import { loadRepoConfig, reportConfigError } from "./repo-config.js";
import { withRetries } from "./with-retries.js";

/**
 * The pipeline every incident event runs (§2.5): read the history once → decide a
 * plan (pure) → apply it → verify with the history the last write returned, and
 * decide again until nothing is left to do. When GitHub fails a request, the whole
 * pipeline runs again from a fresh read (`withRetries`), never the write alone.
 */
const MAX_ROUNDS = 4;
const FALLBACK_CONFIG: Config = ConfigSchema.parse({});

type IssueContext = Context<"issues" | "issue_comment">;

export async function reconcileIncident(context: IssueContext, deps: AppDeps): Promise<void> {
  const { owner, repo } = context.repo();
  const log = context.log.child({ repo: `${owner}/${repo}`, issue: context.payload.issue.number });
  await withRetries(() => reconcileOnce(context, deps, log), deps.retry, log);
}

async function reconcileOnce(context: IssueContext, deps: AppDeps, log: IssueContext["log"]): Promise<void> {
  const { owner, repo } = context.repo();
  const number = context.payload.issue.number;
  const octokit = context.octokit as unknown as Octokit;
  const now = deps.clock();

  const loaded = await loadRepoConfig(context, undefined, now);
  const config = loaded.ok ? loaded.config : FALLBACK_CONFIG;
  const withRecent = !/^\s*\[INC-\d{8}-\d{3,}\]/.test(context.payload.issue.title);
  const variables = historyVariables(config.labels.incident, now, withRecent);
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
  const target: Target = { owner, repo, number, issueId: history.issue.id };
  const repoKey = `${owner}/${repo}`;
  const checkLabels = !labelsChecked(repoKey);
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const { state, plan } = decideIncident({
      history,
      config: fresh.config,
      botLogin,
      formTemplate: deps.formTemplate,
      now,
      checkLabels: checkLabels && round === 1,
      event: { commentId: "comment" in context.payload ? context.payload.comment.id : null },
    });
    if (plan.length === 0) {
      if (checkLabels) markLabelsChecked(repoKey);
      if (round > 1) log.debug({ incident: state.id, rounds: round - 1 }, "incident converged");
      return;
    }
    const result = await applyPlan(octokit, target, plan, variables);
    if (checkLabels) markLabelsChecked(repoKey);
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
