import { type ConfigError, formatConfigError, formatConfigWarning } from "../config/config-error.js";
import type { ConfigResult } from "../config/config-result.js";
import { ConfigSchema } from "../config/schema.js";
import { applyPlan } from "../github/apply-plan.js";
import type { Octokit } from "../github/client.js";
import { type ConfigContext, loadConfig } from "../github/load-config.js";
import { historyVariables } from "../github/read-history.js";
import { appArtifacts } from "../kernel/app-artifacts.js";
import type { IssueHistory } from "../kernel/history.js";
import { marker } from "../kernel/markers.js";
import type { Plan } from "../kernel/plan.js";
import { renderBuiltIn } from "../render/renderer.js";
import type { AppDeps } from "./app-deps.js";

/**
 * The repo's config for this event. `oid` is the config file's blob id as the
 * history read saw it (null: no file); undefined means "not read yet", and a cached
 * config is used as it is.
 */
export function loadRepoConfig(
  context: ConfigContext,
  oid: string | null | undefined,
  now: Date,
): Promise<ConfigResult> {
  return loadConfig(context, { oid, now: () => now.getTime() });
}

/**
 * An invalid config (or one naming repositories the app cannot use) gets one clear comment on the incident (once per distinct set
 * of problems), and nothing else happens for this event. Handlers racing on the same
 * event may both post it; the copies after the first are removed.
 */
export async function reportConfigError(
  octokit: Octokit,
  history: IssueHistory,
  error: ConfigError,
  deps: AppDeps,
  /** `warning`: the config is used all the same (`warnings` of a loaded config). */
  kind: "error" | "warning" = "error",
): Promise<void> {
  const botLogin = await deps.botLogin();
  const key = `config:${error.hash}`;
  const [owner, repo] = history.repo.nameWithOwner.split("/") as [string, string];
  const target = { owner, repo, number: history.issue.number, issueId: history.issue.id };
  const variables = historyVariables(ConfigSchema.parse({}), deps.clock(), { withRecent: false, id: null });
  const copies = (seen: IssueHistory) => appArtifacts(seen, botLogin).replyComments.get(key) ?? [];
  const removeExtras = (seen: IssueHistory): Plan =>
    copies(seen)
      .slice(1)
      .map((copy) => ({ kind: "delete-comment", purpose: "reply", commentId: copy.id }));
  if (copies(history).length > 0) {
    const extras = removeExtras(history);
    if (extras.length) await applyPlan(octokit, target, extras, variables);
    return;
  }
  const body = renderBuiltIn("config-error", {
    marker: marker("config-error", { hash: error.hash }),
    text: kind === "error" ? formatConfigError(error) : formatConfigWarning(error),
  });
  const result = await applyPlan(
    octokit,
    target,
    [{ kind: "add-comment", purpose: "reply", body }],
    variables,
  );
  const extras = result.history ? removeExtras(result.history) : [];
  if (extras.length) await applyPlan(octokit, target, extras, variables);
}
