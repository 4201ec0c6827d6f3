import type { Config } from "../config/schema.js";
import { decideFreezeElsewhere } from "../features/code-response/decide-freeze-elsewhere.js";
import {
  affectedRepositories,
  codeRepositories,
  elsewhereNeeds,
  frozenRepositories,
  idRepositories,
  ownersFilesIn,
  ownRepositoryAffected,
  reachesElsewhere,
} from "../features/code-response/org-scope.js";
import { chooseId } from "../features/incident/issue-changes.js";
import { applyRepoPlan } from "../github/apply-plan.js";
import type { Octokit } from "../github/client.js";
import type { HistoryVariables } from "../github/history-variables.js";
import { installationRepositories } from "../github/installation-repositories.js";
import { type ElsewhereVariables, readElsewhere } from "../github/read-elsewhere.js";
import { classifyFailure } from "../github/request-failure.js";
import type { IssueHistory } from "../kernel/history.js";
import type { IncidentState } from "../kernel/incident-state.js";
import type { WriteFailure } from "../kernel/plan.js";
import { project } from "../kernel/projection/project-history.js";
import type { PipelineLog } from "./converge-incident.js";

/**
 * Organisation mode (§13) around an incident's own read: what the other repositories
 * add, in one batched read (`github/read-elsewhere.ts`). Declaring: the day's incidents
 * of the incidents repository and every service's repository (ids unique across them)
 * and the affected services' recent changes (suspects). While the incident freezes
 * merges, or still carries the freeze label (the lift is not done yet): the frozen
 * repositories' open pull requests and their checks, which are set right here, before
 * the incident's own writes remove the label, so a failed lift runs again. Once it has an
 * id: the deployments, hotfix branch and hotfix pull requests of its code repositories,
 * for its timeline (folded into the same document when one is read anyway).
 */
export interface Organisation {
  octokit: Octokit;
  config: Config;
  botLogin: string;
  formTemplate: string;
  variables: HistoryVariables;
  declaring: boolean;
  /** Another run follows a failure worth retrying (GitHub busy): it fails this one instead of being told. */
  retried: boolean;
  log: PipelineLog;
}

/** The read, and the writes elsewhere that failed (told on the incident by its decision). */
export interface WithElsewhere {
  history: IssueHistory;
  failures: WriteFailure[];
}

export function elsewhereVariables(variables: HistoryVariables): ElsewhereVariables {
  const { since, incidentLabel, environment, freezeLabel, hotfixBranch, hotfixRef } = variables;
  return { since, incidentLabel, environment, freezeLabel, hotfixBranch, hotfixRef };
}

export async function withElsewhere(org: Organisation, history: IssueHistory): Promise<WithElsewhere> {
  const { config } = org;
  const own = history.repo.nameWithOwner;
  // One repository for everything (most installations): nothing to read elsewhere, no projection to find out.
  if (!org.declaring && !reachesElsewhere(config, own)) return { history, failures: [] };
  const state = project(history, org);
  const services = state.form.services;
  const freezing = state.freeze.active || history.issue.labels.includes(config.labels.freeze);
  const inScope = freezing
    ? frozenRepositories(
        config,
        services,
        own,
        config.organisation.freeze === "all" ? await installationRepositories(org.octokit) : [],
      )
    : [];
  const suspects = org.declaring ? affectedRepositories(config, services, own) : [];
  // Services' own code owners files ride along with their repository's suspects (and the
  // incident's own repository's, when an affected service lives there).
  const suspectRepos = [...suspects, ...(ownRepositoryAffected(config, services, own) ? [own] : [])];
  const ownersFiles = org.declaring
    ? suspectRepos.map((repo) => ({ repo, files: ownersFilesIn(config, services, repo, own) }))
    : [];
  const needs = elsewhereNeeds({
    ids: org.declaring ? idRepositories(config, own) : [],
    suspects,
    ownersFiles,
    freeze: inScope,
    // A code repository's freezing incident names the incidents repository's freezers of it too.
    freezers:
      freezing &&
      config.organisation.repository &&
      config.organisation.repository.toLowerCase() !== own.toLowerCase()
        ? [config.organisation.repository]
        : [],
    // What its timeline shows there; once it has an id (the hotfix branch is named by it).
    code: org.variables.withCode ? codeRepositories(config, state, own) : [],
  });
  if (needs.length === 0) return { history, failures: [] };
  const elsewhere = await readElsewhere(org.octokit, needs, elsewhereVariables(org.variables));
  const missing = elsewhere.filter((repo) => !repo.visible).map((repo) => repo.nameWithOwner);
  if (missing.length) org.log.warn({ missing }, "repositories of the organisation not visible to the app");
  const read = { ...history, elsewhere };
  return { history: read, failures: freezing ? await applyFreezeElsewhere(org, read, state) : [] };
}

/**
 * The freeze checks of the other repositories. GitHub busy: the run is tried again (the
 * last try tells it); refused: told on the incident like a refused code write.
 */
async function applyFreezeElsewhere(
  org: Organisation,
  history: IssueHistory,
  state: IncidentState,
): Promise<WriteFailure[]> {
  const id = state.declaration ? chooseId(state, history) : null;
  const checks = decideFreezeElsewhere({ ...org, state, history, id });
  const failures: WriteFailure[] = [];
  for (const { repo, writes } of checks) {
    const [owner, name] = repo.split("/") as [string, string];
    await applyRepoPlan(org.octokit, { owner, repo: name }, writes, (write, reason, error) => {
      if (org.retried && classifyFailure(error).retry) throw error;
      org.log.warn({ repo, write: write.kind, reason }, "freeze check in another repository failed");
      if (write.kind === "set-check") failures.push({ failure: write.failure, reason });
    });
  }
  return failures;
}

/**
 * After the incident's writes: the day's incidents of the other repositories read again,
 * so a claimed id is verified across the organisation (the own repository's come back
 * with the writes). The rest of what was read elsewhere is kept.
 */
export async function refreshIdsElsewhere(
  org: Organisation,
  before: IssueHistory,
  after: IssueHistory,
): Promise<IssueHistory> {
  const repos = idRepositories(org.config, after.repo.nameWithOwner);
  if (!org.declaring || repos.length === 0) return { ...after, elsewhere: before.elsewhere ?? [] };
  const needs = elsewhereNeeds({ ids: repos, suspects: [], freeze: [] });
  const fresh = await readElsewhere(org.octokit, needs, elsewhereVariables(org.variables));
  const kept = (before.elsewhere ?? []).map((repo) => {
    const now = fresh.find((f) => f.nameWithOwner.toLowerCase() === repo.nameWithOwner.toLowerCase());
    return now ? { ...repo, recentIncidents: now.recentIncidents } : repo;
  });
  const added = fresh.filter(
    (f) => !kept.some((k) => k.nameWithOwner.toLowerCase() === f.nameWithOwner.toLowerCase()),
  );
  return { ...after, elsewhere: [...kept, ...added] };
}
