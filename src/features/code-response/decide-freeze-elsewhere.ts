import type { Config } from "../../config/schema.js";
import { appArtifacts } from "../../kernel/app-artifacts.js";
import type { IssueHistory } from "../../kernel/history.js";
import { idFromTitle } from "../../kernel/incident-id.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import { FREEZE_CHECK_NAME } from "../../kernel/names.js";
import type { Write } from "../../kernel/plan.js";
import { failure } from "./code-context.js";
import { codeWords } from "./code-words.js";
import { checkWrite } from "./decide-freeze.js";
import type { Freezer } from "./freeze-check.js";
import { freezersOf, incidentsRepositoryFreezers } from "./freezers.js";
import { freezesRepository } from "./org-scope.js";

export { freezersOf } from "./freezers.js";

/**
 * The merge freeze across repositories (§13). An incident freezing merges puts a failing
 * `incident-freeze` check on the open pull requests to the default branch of each frozen
 * repository (hotfix, revert and review pull requests pass), and turns them green when it
 * no longer freezes. The check names every incident freezing that repository, whichever
 * writes it, so two incidents never rewrite each other's text: this incident, the other
 * freezing incidents of its own repository whose services reach there, and the
 * repository's own freezing incidents. Only checks whose conclusion or text change are written.
 * A write GitHub refuses is told on the incident (its failure names the repository and
 * the pull request's head) and not tried again for that head and conclusion, as here.
 */
export type CheckWrite = Extract<Write, { kind: "set-check" }>;

export interface RepositoryChecks {
  repo: string;
  writes: CheckWrite[];
}

export function decideFreezeElsewhere(input: {
  state: IncidentState;
  history: IssueHistory;
  config: Config;
  botLogin: string;
  formTemplate: string;
  id: string | null;
}): RepositoryChecks[] {
  const { state, history, config, formTemplate } = input;
  if (!state.declaration) return [];
  const own = history.repo.nameWithOwner;
  const self: Freezer = { name: input.id ?? `${own}#${history.issue.number}`, url: history.issue.url };
  const others = history.code.freezing.filter((issue) => issue.number !== history.issue.number);
  const slug = input.botLogin.replace(/\[bot\]$/, "");
  const reported = appArtifacts(history, input.botLogin).replies;
  return (history.elsewhere ?? []).flatMap((repo) => {
    if (!repo.visible || !repo.openPulls || !repo.defaultBranch) return [];
    const frozenBy = [
      ...(state.freeze.active && freezesRepository(config, own, state.form.services, repo.nameWithOwner)
        ? [self]
        : []),
      ...freezersOf(config, own, others, formTemplate, repo.nameWithOwner),
      ...incidentsRepositoryFreezers(history, config, formTemplate, repo.nameWithOwner),
      ...(repo.freezing ?? []).map((issue) => ({
        name: idFromTitle(issue.title) ?? `#${issue.number}`,
        url: issue.url,
      })),
    ];
    const branch = repo.defaultBranch;
    const writes = repo.openPulls.flatMap((pull) => {
      if (pull.baseRefName !== branch) return [];
      const write = checkWrite(pull, frozenBy, slug, branch, repo.url);
      if (!write) return [];
      const named = `${repo.nameWithOwner}#${pull.number}`;
      const key = `${FREEZE_CHECK_NAME}:${named}:${pull.headSha.slice(0, 7)}:${write.check.conclusion}`;
      if (reported.has(key)) return [];
      return [{ ...write, failure: failure(key, codeWords.checkFailed(FREEZE_CHECK_NAME, named)) }];
    });
    return writes.length ? [{ repo: repo.nameWithOwner, writes }] : [];
  });
}
