import type { Config } from "../../config/schema.js";

/**
 * `owner/name` of every service's repository in the config, as written there: the only
 * repositories code commands reach into besides the incident's own, so a typo never
 * touches a repository nobody meant.
 */
export function serviceRepositories(config: Config): string[] {
  const names = Object.values(config.services).flatMap((service) =>
    service.repository ? [service.repository] : [],
  );
  return [...new Set(names)];
}

/** The configured spelling of `repository`, or null when no service names it. */
export function knownRepository(config: Config, repository: string): string | null {
  return serviceRepositories(config).find((name) => name.toLowerCase() === repository.toLowerCase()) ?? null;
}

/** The web address of another repository on the same GitHub as `repoUrl` (`https://github.com/acme/x`). */
export function siblingUrl(repoUrl: string, ownRepository: string, other: string): string {
  return repoUrl.endsWith(ownRepository) ? `${repoUrl.slice(0, -ownRepository.length)}${other}` : repoUrl;
}
