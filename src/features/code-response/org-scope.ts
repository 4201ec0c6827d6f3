import type { Config } from "../../config/schema.js";
import { pullRepository } from "../../kernel/code-history.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import { knownRepository, serviceRepositories } from "./service-repositories.js";

/**
 * Which repositories an incident reaches in organisation mode (§13): pure answers from
 * the config and the incident's affected services, shared by the incident's read (what
 * to read elsewhere), its decisions (suspects, freeze checks) and pull request events
 * in code repositories (which incidents freeze them).
 */
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Whether an event that declares nothing can need anything from another repository: not
 * when the config names no repository but `own` and a freeze reaches only the affected
 * services' repositories (then nothing needs the incident projected to find out).
 */
export function reachesElsewhere(config: Config, own: string): boolean {
  if (config.organisation.freeze === "all") return true;
  const named = [config.organisation.repository, ...serviceRepositories(config)];
  return named.some((repo) => repo !== undefined && !same(repo, own));
}

/** Where a service's code lives: its `repository`, else the incident's own. */
export function serviceHome(config: Config, service: string, own: string): string {
  return config.services[service]?.repository ?? own;
}

/** The affected services' repositories other than `own`, as the config writes them. */
export function affectedRepositories(config: Config, services: readonly string[], own: string): string[] {
  const homes = services.filter((s) => config.services[s]).map((s) => serviceHome(config, s, own));
  return unique(homes.filter((home) => !same(home, own)));
}

/** Whether suspects are read in `own` too: an affected service lives there, or none is known. */
export function ownRepositoryAffected(config: Config, services: readonly string[], own: string): boolean {
  const known = services.filter((s) => config.services[s]);
  return known.length === 0 || known.some((s) => same(serviceHome(config, s, own), own));
}

/** The affected services living in `repo`, for their paths. */
export function servicesIn(config: Config, services: readonly string[], repo: string, own: string): string[] {
  return services.filter((s) => config.services[s] && same(serviceHome(config, s, own), repo));
}

/**
 * Repositories whose incidents share the day's id sequence with `own`: the incidents
 * repository and every service's repository (incidents may be declared in any of them).
 */
export function idRepositories(config: Config, own: string): string[] {
  const all = [config.organisation.repository, ...serviceRepositories(config)].flatMap((r) => (r ? [r] : []));
  return unique(all.filter((repo) => !same(repo, own)));
}

/** Whether an open freezing incident of `home` with these services freezes `repo`. */
export function freezesRepository(
  config: Config,
  home: string,
  services: readonly string[],
  repo: string,
): boolean {
  if (same(home, repo) || config.organisation.freeze === "all") return true;
  return affectedRepositories(config, services, home).some((other) => same(other, repo));
}

/**
 * Code repositories other than `own` a freezing incident writes checks in: the affected
 * services' repositories, or (`freeze: all`) every repository of the installation.
 */
export function frozenRepositories(
  config: Config,
  services: readonly string[],
  own: string,
  installationRepos: readonly string[],
): string[] {
  if (config.organisation.freeze === "all") return unique(installationRepos.filter((r) => !same(r, own)));
  return affectedRepositories(config, services, own);
}

/**
 * Code repositories other than `own` whose code the incident's timeline and review show
 * (deployments during the incident, its hotfix branch and that branch's pull requests):
 * the affected services' repositories, and the services' repositories it acted in, by a
 * `/hotfix`, `/revert` or `/rollback` naming them or a pull request there linked to it.
 * Only repositories the config names: a mention never makes the app read a stranger's.
 */
export function codeRepositories(config: Config, state: IncidentState, own: string): string[] {
  const named = state.acknowledgements.flatMap((ack) =>
    ack.kind === "accepted" &&
    (ack.command.kind === "hotfix" || ack.command.kind === "revert" || ack.command.kind === "rollback") &&
    ack.command.repository
      ? [ack.command.repository]
      : [],
  );
  const linked = state.linked.flatMap((l) => pullRepository(l.pull) ?? []);
  const acted = [...named, ...linked].flatMap((repo) => knownRepository(config, repo) ?? []);
  const all = [...affectedRepositories(config, state.form.services, own), ...acted];
  return unique(all.filter((repo) => !same(repo, own)));
}

/** What to read in another repository for this event. */
export interface ElsewhereNeed {
  repo: string;
  ids: boolean;
  suspects: boolean;
  freeze: boolean;
  /** Only its freezing incidents: the incidents repository, seen from a freezing incident of a code repository. */
  freezers?: boolean;
  /** Its deployments, and the incident's hotfix branch there with its pull requests (`codeRepositories`). */
  code?: boolean;
  /** Services' code owners files to read there (`services.<name>.codeOwners` paths). */
  ownersFiles?: string[];
}

/** The code owners files (`services.<name>.codeOwners` as a path) of the affected services living in `repo`. */
export function ownersFilesIn(
  config: Config,
  services: readonly string[],
  repo: string,
  own: string,
): string[] {
  const files = servicesIn(config, services, repo, own).flatMap((service) => {
    const source = config.services[service]?.codeOwners;
    return typeof source === "string" ? [source] : [];
  });
  return [...new Set(files)];
}

export function elsewhereNeeds(parts: {
  ids: readonly string[];
  suspects: readonly string[];
  freeze: readonly string[];
  freezers?: readonly string[];
  code?: readonly string[];
  /** Code owners files by repository. */
  ownersFiles?: ReadonlyArray<{ repo: string; files: readonly string[] }>;
}): ElsewhereNeed[] {
  const needs = new Map<string, ElsewhereNeed>();
  const need = (repo: string) => {
    const key = repo.toLowerCase();
    const found = needs.get(key) ?? { repo, ids: false, suspects: false, freeze: false };
    needs.set(key, found);
    return found;
  };
  for (const repo of parts.ids) need(repo).ids = true;
  for (const repo of parts.suspects) need(repo).suspects = true;
  for (const repo of parts.freeze) need(repo).freeze = true;
  for (const repo of parts.freezers ?? []) if (!need(repo).freeze) need(repo).freezers = true;
  for (const repo of parts.code ?? []) need(repo).code = true;
  for (const { repo, files } of parts.ownersFiles ?? [])
    if (files.length) need(repo).ownersFiles = [...files];
  return [...needs.values()];
}

function unique(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.toLowerCase()) && seen.add(item.toLowerCase()));
}
