import type { Context } from "probot";
import { codeSpan } from "./code-span.js";
import { readCachedConfig, writeCachedConfig } from "./config-cache.js";
import { createConfigError } from "./config-error.js";
import { CONFIG_PATH, configFileName, type RepoRef } from "./config-file-name.js";
import type { ConfigResult, ConfigSource } from "./config-result.js";
import { describeValue } from "./describe-issues.js";
import { configErrorFromLoader } from "./loader-error.js";
import { isMapping, mergeConfigFiles } from "./merge-config-files.js";
import { validateConfig } from "./validate-config.js";

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
  octokit: { config: Context["octokit"]["config"] };
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

type LoadedFile = Awaited<ReturnType<Context["octokit"]["config"]["get"]>>["files"][number];

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
  const result = resultFromFiles(files, current);
  // One file read means the repo's own file (or none, in a `.github` repo): the oid covers it.
  writeCachedConfig(key, options.oid, result, files.length > 1, options.now());
  return result;
}

/** Files as the loader returns them: the repo's, maybe the org fallback, then the `_extends` chain. */
function resultFromFiles(files: readonly LoadedFile[], current: RepoRef): ConfigResult {
  const name = (file: LoadedFile): string => configFileName(file, current);
  const [own, fallback] = files;
  const origin: ConfigSource["origin"] = own?.config ? "repo" : fallback?.config ? "org" : "defaults";
  const base = origin === "repo" ? 0 : 1;
  const used = origin === "defaults" ? [] : files.slice(base);

  const missing = used.findIndex((file, index) => index > 0 && file.config === null);
  const extender = used[missing - 1];
  const target = used[missing];
  if (extender && target) {
    const message =
      `points to ${codeSpan(`${target.owner}/${target.repo}:${target.path}`)}, which does not exist or which ` +
      `the app cannot read (is it installed on ${codeSpan(`${target.owner}/${target.repo}`)}?)`;
    return { ok: false, error: createConfigError(name(extender), [{ path: "_extends", message }]) };
  }

  const configs: Record<string, unknown>[] = [];
  for (const file of used) {
    if (!isMapping(file.config)) {
      const message = `expected options as \`key: value\` lines (got ${describeValue(file.config)})`;
      return { ok: false, error: createConfigError(name(file), [{ path: "", message }]) };
    }
    configs.push(file.config);
  }
  const primary = used[0] ? name(used[0]) : CONFIG_PATH;
  const locate = (path: readonly PropertyKey[]): string => {
    for (let length = path.length; length > 0; length--) {
      const owner = used.find((file) => hasPath(file.config, path.slice(0, length)));
      if (owner) return name(owner);
    }
    return primary;
  };
  const validation = validateConfig(mergeConfigFiles(configs), primary, locate);
  if (!validation.ok) return validation;
  const source: ConfigSource = { origin, files: used.map(name), cached: false };
  return { ok: true, config: validation.config, source };
}

function hasPath(value: unknown, path: readonly PropertyKey[]): boolean {
  let node = value;
  for (const key of path) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return true;
}
