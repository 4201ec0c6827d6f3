import type { Config } from "../../config/schema.js";
import type { IssueHistory } from "../../kernel/history.js";
import { idFromTitle } from "../../kernel/incident-id.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import type { Write } from "../../kernel/plan.js";
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
      return write ? [write] : [];
    });
    return writes.length ? [{ repo: repo.nameWithOwner, writes }] : [];
  });
}
