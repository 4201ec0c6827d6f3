import type { Context } from "probot";
import { codeSpan } from "./code-span.js";
import { createConfigError } from "./config-error.js";
import { CONFIG_PATH, configFileName, type RepoRef } from "./config-file-name.js";
import type { ConfigResult, ConfigSource } from "./config-result.js";
import { describeValue } from "./describe-issues.js";
import { isMapping, mergeConfigFiles } from "./merge-config-files.js";
import { validateConfig } from "./validate-config.js";

/** A file as Probot's config loader returns it (the repo's, the org fallback, the `_extends` chain). */
export type LoadedFile = Awaited<ReturnType<Context["octokit"]["config"]["get"]>>["files"][number];

/** Files as the loader returns them: the repo's, maybe the org fallback, then the `_extends` chain. */
export function configFromFiles(files: readonly LoadedFile[], current: RepoRef): ConfigResult {
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
