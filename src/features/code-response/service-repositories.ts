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

/** Where a code command acts: the incident's own repository, or a service's. */
export type CodeTarget =
  | { kind: "here" }
  | { kind: "repository"; name: string }
  /** Named, but no service lives there. */
  | { kind: "unknown"; named: string; known: string[] }
  /** Bare, in the incidents repository, and the affected services do not name exactly one repository. */
  | { kind: "ask"; affected: string[]; known: string[] };

/**
 * A named repository must be a service's. A bare command acts here when this repository
 * holds code (a service lives here, or no service names a repository: one repository
 * for everything), else in the only affected service's repository.
 * `bare`: what a bare command does when no affected service names a repository.
 */
export function codeTarget(
  config: Config,
  ownRepository: string,
  affectedServices: readonly string[],
  command: { repository?: string; here?: true },
  bare: "here" | "ask",
): CodeTarget {
  const known = serviceRepositories(config);
  if (command.here) return { kind: "here" };
  if (command.repository) {
    const name = knownRepository(config, command.repository);
    return name ? { kind: "repository", name } : { kind: "unknown", named: command.repository, known };
  }
  const own = ownRepository.toLowerCase();
  if (known.length === 0 || known.some((name) => name.toLowerCase() === own)) return { kind: "here" };
  const affected = [
    ...new Set(
      affectedServices.flatMap((service) => {
        const repository = config.services[service]?.repository;
        return repository ? [repository] : [];
      }),
    ),
  ];
  const [only] = affected;
  if (affected.length === 1 && only) return { kind: "repository", name: only };
  if (affected.length === 0 && bare === "here") return { kind: "here" };
  return { kind: "ask", affected, known };
}
