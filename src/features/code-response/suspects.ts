import type { Config } from "../../config/schema.js";
import type { DeploymentFact, IssueHistory, PullFact } from "../../kernel/history.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import { matchesPath } from "../../kernel/path-glob.js";
import { ownersOf, parseCodeowners } from "./codeowners.js";
import { ownRepositoryAffected, servicesIn } from "./org-scope.js";

/**
 * Suspects (§7): pull requests merged into the default branch and deployments made
 * in the window before impact started, with their code owners as suggested
 * responders. When the affected services map to paths, only pull requests touching
 * them count, and only those paths' owners. In organisation mode (§13) each affected
 * service's repository is searched with that service's paths.
 */
export interface SuspectPull {
  /** `owner/name` when not the incident's own repository. */
  repo: string | null;
  number: number;
  title: string;
  url: string;
  mergedAt: Date;
  author: string | null;
  owners: string[];
}

export interface SuspectDeployment {
  repo: string | null;
  sha: string;
  environment: string;
  at: Date;
  creator: string | null;
  state: string | null;
}

export interface Suspects {
  from: Date;
  until: Date;
  pulls: SuspectPull[];
  deployments: SuspectDeployment[];
  /** Code owners of the changed paths, to invite. */
  responders: string[];
  /** Paths of the affected services that narrowed the search, when any. */
  paths: string[];
}

export function servicePaths(config: Config, services: readonly string[]): string[] {
  return services.flatMap((service) => config.services[service]?.paths ?? []);
}

/** One repository's changes as read: the incident's own, or another one's. */
interface RepositoryChanges {
  repo: string | null;
  defaultBranch: string | null;
  merged: PullFact[];
  deployments: DeploymentFact[];
  paths: string[];
  /** The code owners of a changed path. */
  owners: (path: string) => string[];
}

/**
 * Code owners in one repository: an affected service whose paths hold the file and which
 * names its own source (`services.<name>.codeOwners`: a list, or a file read with the
 * changes) answers for it; else the repository's `CODEOWNERS`. A service's file that is
 * not there owns nothing (the docs say where it is looked for).
 */
function ownersIn(
  config: Config,
  services: readonly string[],
  codeowners: string | null,
  files: Record<string, string | null>,
): (path: string) => string[] {
  const fallback = codeowners ? parseCodeowners(codeowners) : [];
  const sources = services.flatMap((service) => {
    const { codeOwners, paths = [] } = config.services[service] ?? {};
    if (codeOwners === undefined) return [];
    const text = typeof codeOwners === "string" ? files[codeOwners] : null;
    const rules = typeof codeOwners === "string" ? (text ? parseCodeowners(text) : []) : null;
    return [{ paths, owners: (path: string) => (rules ? ownersOf(rules, path) : [...codeOwners]) }];
  });
  return (path) => {
    const own = sources.filter(
      (one) => one.paths.length === 0 || one.paths.some((p) => matchesPath(p, path)),
    );
    return own.length ? unique(own.flatMap((one) => one.owners(path))) : ownersOf(fallback, path);
  };
}

function changesRead(
  state: IncidentState,
  history: IssueHistory,
  config: Config,
): RepositoryChanges[] | null {
  const own = history.repo.nameWithOwner;
  const services = state.form.services;
  const read = history.code.suspects;
  if (!read) return null;
  const changes: RepositoryChanges[] = [];
  const filesOf = (repo: string) =>
    (history.elsewhere ?? []).find((other) => other.nameWithOwner.toLowerCase() === repo.toLowerCase())
      ?.codeOwnersFiles ?? {};
  if (ownRepositoryAffected(config, services, own)) {
    const here = servicesIn(config, services, own, own);
    changes.push({
      repo: null,
      defaultBranch: history.repo.defaultBranch,
      merged: read.merged,
      deployments: history.code.deployments,
      paths: servicePaths(config, here),
      owners: ownersIn(config, here, read.codeowners, filesOf(own)),
    });
  }
  for (const other of history.elsewhere ?? []) {
    if (!other.suspects) continue;
    const there = servicesIn(config, services, other.nameWithOwner, own);
    changes.push({
      repo: other.nameWithOwner,
      defaultBranch: other.defaultBranch,
      merged: other.suspects.merged,
      deployments: other.suspects.deployments,
      paths: servicePaths(config, there),
      owners: ownersIn(config, there, other.suspects.codeowners, other.codeOwnersFiles ?? {}),
    });
  }
  return changes;
}

export function selectSuspects(state: IncidentState, history: IssueHistory, config: Config): Suspects | null {
  const until = state.times.started ?? state.times.declared;
  const changes = changesRead(state, history, config);
  if (!changes || !until) return null;
  const from = new Date(until.getTime() - config.recentChanges.window);
  const inWindow = (at: Date | null): at is Date => at !== null && at >= from && at <= until;
  const pulls: SuspectPull[] = [];
  const deployments: SuspectDeployment[] = [];
  for (const repo of changes) {
    const { paths } = repo;
    const relevant = (path: string) =>
      paths.length === 0 || paths.some((pattern) => matchesPath(pattern, path));
    for (const pull of repo.merged) {
      if (pull.baseRefName !== repo.defaultBranch || !inWindow(pull.mergedAt)) continue;
      if (paths.length > 0 && !pull.files.some(relevant)) continue;
      pulls.push({
        repo: repo.repo,
        number: pull.number,
        title: pull.title,
        url: pull.url,
        mergedAt: pull.mergedAt,
        author: pull.author?.login ?? null,
        owners: unique(pull.files.filter(relevant).flatMap(repo.owners)),
      });
    }
    for (const deployment of repo.deployments) {
      if (deployment.environment !== config.deployments.environment || !inWindow(deployment.createdAt))
        continue;
      deployments.push({
        repo: repo.repo,
        sha: deployment.sha,
        environment: deployment.environment,
        at: deployment.statuses.at(-1)?.at ?? deployment.createdAt,
        creator: deployment.creator,
        state: deployment.statuses.at(-1)?.state ?? null,
      });
    }
  }
  pulls.sort((a, b) => b.mergedAt.getTime() - a.mergedAt.getTime());
  deployments.sort((a, b) => b.at.getTime() - a.at.getTime());
  const paths = unique(changes.flatMap((repo) => repo.paths));
  return { from, until, pulls, deployments, responders: unique(pulls.flatMap((pull) => pull.owners)), paths };
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
