import type { Context } from "probot";
import { readCachedConfig, writeCachedConfig } from "../config/config-cache.js";
import { type ConfigProblem, createConfigError } from "../config/config-error.js";
import { CONFIG_PATH, type RepoRef } from "../config/config-file-name.js";
import { configFromFiles, type LoadedFile } from "../config/config-from-files.js";
import type { ConfigResult } from "../config/config-result.js";
import { configErrorFromLoader } from "../config/loader-error.js";
import { checkServiceRepositories } from "./read-service-repositories.js";
/**
 * Loads `.github/incident.yml` through Probot's config loader, so `_extends` and the
 * organisation's `.github` repository work as in every Probot app, and validates it.
 *
 * It calls the loader behind `context.config()` (`context.octokit.config.get`) rather
 * than `context.config()` itself: only the loader says which files it read, which is
 * needed to name the file a problem is in, to report an `_extends` target that does not
 * exist (the loader treats it as empty), and to know when the blob id cannot vouch
 * for the cache.
 */

/** What `loadConfig` needs of a Probot `Context`; any `Context` is one. */
export type ConfigContext = {
  /** With `graphql`, the services' repositories are checked once per load. */
  octokit: { config: Context["octokit"]["config"]; graphql?: Context["octokit"]["graphql"] };
  repo(): RepoRef;
};

export type LoadConfigOptions = {
  /**
   * Blob id of the repo's `.github/incident.yml` (from the history read), or null when
   * it has none. `undefined` means not known yet: any cached config that has not
   * expired is used, and a config loaded now is kept for a minute only.
   */
  oid: string | null | undefined;
  now: () => number;
};

export async function loadConfig(context: ConfigContext, options: LoadConfigOptions): Promise<ConfigResult> {
  const current = context.repo();
  const key = `${current.owner}/${current.repo}`.toLowerCase();
  const cached = readCachedConfig(key, options.oid, options.now());
  if (cached) return cached;

  let files: LoadedFile[];
  try {
    ({ files } = await context.octokit.config.get({
      owner: current.owner,
      repo: current.repo,
      path: CONFIG_PATH,
    }));
  } catch (error) {
    const configError = configErrorFromLoader(error, { owner: current.owner, repo: current.repo });
    if (!configError) throw error;
    const result: ConfigResult = { ok: false, error: configError };
    writeCachedConfig(key, options.oid, result, true, options.now());
    return result;
  }
  const result = await withServiceWarnings(context, configFromFiles(files, current));
  // One file read means the repo's own file (or none, in a `.github` repo): the oid covers it.
  writeCachedConfig(key, options.oid, result, files.length > 1, options.now());
  return result;
}

/** The services' repositories checked where the config names some: once per load, one request. */
async function withServiceWarnings(context: ConfigContext, result: ConfigResult): Promise<ConfigResult> {
  const graphql = context.octokit.graphql;
  if (!result.ok || !graphql) return result;
  let problems: ConfigProblem[];
  try {
    problems = await checkServiceRepositories(graphql, result.config, context.repo());
  } catch {
    // The check is advice: GitHub failing it must not stop the incident's work.
    return result;
  }
  if (problems.length === 0) return result;
  return { ...result, warnings: createConfigError(result.source.files[0] ?? CONFIG_PATH, problems) };
}
