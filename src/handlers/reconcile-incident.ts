import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import type { Config } from "../config/schema.js";
import { ConfigSchema } from "../config/schema.js";
import { historyVariables, type Octokit, readHistory } from "../github/read-history.js";
import { convergeIncident } from "./converge-incident.js";
import { labelsChecked } from "./ensure-labels.js";
import { loadRepoConfig, reportConfigError } from "./repo-config.js";

/**
 * The pipeline every incident event runs (§2.5): read the history once → decide a
 * plan (pure) → apply it → verify with the history the last write returned, and
 * decide again until nothing is left to do.
 */
const FALLBACK_CONFIG: Config = ConfigSchema.parse({});

type IssueContext = Context<"issues" | "issue_comment">;

/** `issue`: the incident, when the event is about another issue (one of its action items). */
export async function reconcileIncident(
  context: IssueContext,
  deps: AppDeps,
  issue: { number: number; title: string } = context.payload.issue,
): Promise<void> {
  const { owner, repo } = context.repo();
  const number = issue.number;
  const octokit = context.octokit as unknown as Octokit;
  const now = deps.clock();
  const log = context.log.child({ repo: `${owner}/${repo}`, issue: number });

  const loaded = await loadRepoConfig(context, undefined, now);
  const config = loaded.ok ? loaded.config : FALLBACK_CONFIG;
  const withRecent = !/^\s*\[INC-\d{8}-\d{3,}\]/.test(issue.title);
  const variables = historyVariables(config.labels.incident, now, withRecent);
  const history = await readHistory(octokit, { owner, repo, number }, variables);
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
  await convergeIncident({
    octokit,
    target: { owner, repo, number, issueId: history.issue.id },
    history,
    config: fresh.config,
    botLogin,
    formTemplate: deps.formTemplate,
    now,
    variables,
    checkLabels: !labelsChecked(`${owner}/${repo}`),
    log,
  });
}
