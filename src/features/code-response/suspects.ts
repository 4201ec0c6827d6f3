import type { Config } from "../../config/schema.js";
import type { IssueHistory } from "../../kernel/history.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import { matchesPath } from "../../kernel/path-glob.js";
import { ownersOf, parseCodeowners } from "./codeowners.js";

/**
 * Suspects (§7): pull requests merged into the default branch and deployments made
 * in the window before impact started, with their code owners as suggested
 * responders. When the affected services map to paths, only pull requests touching
 * them count, and only those paths' owners.
 */
export interface SuspectPull {
  number: number;
  title: string;
  url: string;
  mergedAt: Date;
  author: string | null;
  owners: string[];
}

export interface SuspectDeployment {
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

export function selectSuspects(state: IncidentState, history: IssueHistory, config: Config): Suspects | null {
  const read = history.code.suspects;
  const until = state.times.started ?? state.times.declared;
  if (!read || !until) return null;
  const from = new Date(until.getTime() - config.recentChanges.window);
  const inWindow = (at: Date | null): at is Date => at !== null && at >= from && at <= until;
  const paths = servicePaths(config, state.form.services);
  const relevant = (path: string) =>
    paths.length === 0 || paths.some((pattern) => matchesPath(pattern, path));
  const rules = read.codeowners ? parseCodeowners(read.codeowners) : [];
  const pulls = read.merged
    .filter((pull) => pull.baseRefName === history.repo.defaultBranch && inWindow(pull.mergedAt))
    .filter((pull) => paths.length === 0 || pull.files.some(relevant))
    .map((pull) => ({
      number: pull.number,
      title: pull.title,
      url: pull.url,
      mergedAt: pull.mergedAt as Date,
      author: pull.author?.login ?? null,
      owners: unique(pull.files.filter(relevant).flatMap((path) => ownersOf(rules, path))),
    }))
    .sort((a, b) => b.mergedAt.getTime() - a.mergedAt.getTime());
  const deployments = history.code.deployments
    .filter(
      (deployment) =>
        deployment.environment === config.deployments.environment && inWindow(deployment.createdAt),
    )
    .map((deployment) => ({
      sha: deployment.sha,
      environment: deployment.environment,
      at: deployment.statuses.at(-1)?.at ?? deployment.createdAt,
      creator: deployment.creator,
      state: deployment.statuses.at(-1)?.state ?? null,
    }))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  return { from, until, pulls, deployments, responders: unique(pulls.flatMap((pull) => pull.owners)), paths };
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
