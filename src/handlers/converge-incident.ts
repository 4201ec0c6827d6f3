import type { Config } from "../config/schema.js";
import type { IssueHistory } from "../domain/history.js";
import { applyPlan, type Target } from "../github/apply-plan.js";
import { type HistoryVariables, type Octokit, readHistory } from "../github/read-history.js";
import { decideIncident } from "../plan/decide-incident.js";

/**
 * decide → apply → verify with the history the last write returned, until nothing is
 * left to do (§2.5). Shared by webhook events and the sweep.
 */
const MAX_ROUNDS = 4;

export interface PipelineLog {
  info(fields: object, message: string): void;
  debug(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface ConvergeInput {
  octokit: Octokit;
  target: Target;
  history: IssueHistory;
  config: Config;
  botLogin: string;
  formTemplate: string;
  now: Date;
  variables: HistoryVariables;
  /** Create labels the repo lacks, in the first round. */
  checkLabels: boolean;
  log: PipelineLog;
}

export async function convergeIncident(input: ConvergeInput): Promise<void> {
  const { octokit, target, config, botLogin, formTemplate, now, variables, log } = input;
  let history = input.history;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const { state, plan } = decideIncident({
      history,
      config,
      botLogin,
      formTemplate,
      now,
      checkLabels: input.checkLabels && round === 1,
    });
    if (plan.length === 0) {
      if (round > 1) log.debug({ incident: state.id, rounds: round - 1 }, "incident converged");
      return;
    }
    const result = await applyPlan(octokit, target, plan, variables);
    log.info({ incident: state.id, round, writes: result.applied }, "applied plan");
    const next =
      result.history && !result.unverified
        ? result.history
        : await readHistory(
            octokit,
            { owner: target.owner, repo: target.repo, number: target.number },
            variables,
          );
    if (!next) return;
    history = next;
  }
  log.warn({ rounds: MAX_ROUNDS }, "incident did not converge; the next event will continue");
}
