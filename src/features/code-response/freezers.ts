import type { Config } from "../../config/schema.js";
import type { FreezingIssue, IssueHistory } from "../../kernel/history.js";
import { idFromTitle } from "../../kernel/incident-id.js";
import { parseIncidentForm } from "../../kernel/projection/incident-form.js";
import type { Freezer } from "./freeze-check.js";
import { freezesRepository } from "./org-scope.js";

/** Freezing incidents of `home` that freeze `repo`, by the services their forms name. */
export function freezersOf(
  config: Config,
  home: string,
  issues: readonly FreezingIssue[],
  formTemplate: string,
  repo: string,
): Freezer[] {
  return issues
    .filter((issue) =>
      freezesRepository(config, home, parseIncidentForm(issue.body ?? "", formTemplate).services, repo),
    )
    .map((issue) => ({ name: idFromTitle(issue.title) ?? `${home}#${issue.number}`, url: issue.url }));
}

/**
 * Freezing incidents of the incidents repository (read with the other repositories) that
 * freeze `repo`: an incident in a code repository names them too, so its check says the
 * same as theirs and neither rewrites the other's.
 */
export function incidentsRepositoryFreezers(
  history: IssueHistory,
  config: Config,
  formTemplate: string,
  repo: string,
): Freezer[] {
  const home = config.organisation.repository?.toLowerCase();
  const incidents = (history.elsewhere ?? []).find((other) => other.nameWithOwner.toLowerCase() === home);
  if (!incidents?.freezing || home === repo.toLowerCase()) return [];
  return freezersOf(config, incidents.nameWithOwner, incidents.freezing, formTemplate, repo);
}
