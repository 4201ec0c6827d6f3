import type { ConfigResult } from "./config-result.js";

/**
 * Parsed configs per repository, valid while the blob id of the repo's config file is
 * unchanged. A config that also depends on other files (`_extends`, the org `.github`
 * fallback) whose changes that id cannot show is reused for at most a minute.
 */
export const EXTERNAL_CONFIG_TTL_MS = 60_000;
const MAX_ENTRIES = 1_000;

/** `undefined`: the oid was not known when the entry was loaded, or is not known now. */
type Oid = string | null | undefined;

/** `ownFileOnly`: read from the repo's own file alone, so its oid, once known, vouches for it. */
type Entry = { oid: Oid; result: ConfigResult; expiresAt: number | null; ownFileOnly: boolean };

const entries = new Map<string, Entry>();

/**
 * The cached result for `key`, or null. An entry loaded without knowing the oid takes
 * the first oid it is asked with (the same event's history read, moments later); from
 * then on that oid vouches for it if it came from the repo's own file alone, and
 * otherwise it keeps its one-minute expiry.
 */
export function readCachedConfig(key: string, oid: Oid, now: number): ConfigResult | null {
  const entry = entries.get(key);
  if (!entry || (entry.expiresAt !== null && now >= entry.expiresAt)) return null;
  if (entry.oid === undefined) {
    entry.oid = oid;
    if (oid !== undefined && entry.ownFileOnly) entry.expiresAt = null;
  } else if (oid !== undefined && entry.oid !== oid) return null;
  return entry.result.ok
    ? { ...entry.result, source: { ...entry.result.source, cached: true } }
    : entry.result;
}

export function writeCachedConfig(
  key: string,
  oid: Oid,
  result: ConfigResult,
  dependsOnOtherFiles: boolean,
  now: number,
): void {
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) {
    const oldest = entries.keys().next();
    if (!oldest.done) entries.delete(oldest.value);
  }
  const vouched = !dependsOnOtherFiles && oid !== undefined;
  entries.set(key, {
    oid,
    result,
    expiresAt: vouched ? null : now + EXTERNAL_CONFIG_TTL_MS,
    ownFileOnly: !dependsOnOtherFiles,
  });
}

/** Forget every cached config (tests). */
export function clearConfigCache(): void {
  entries.clear();
}
