/**
 * Merges config files, most specific first, the way people expect: mappings merge key
 * by key; lists and values in the more specific file replace the other's. (Probot's
 * `context.config` concatenates lists, which would turn two severity lists into one
 * of eight.)
 */
export function mergeConfigFiles(configs: readonly Record<string, unknown>[]): Record<string, unknown> {
  return configs.reduceRight<Record<string, unknown>>((base, override) => mergeMappings(base, override), {});
}

function mergeMappings(
  base: Record<string, unknown>,
  override: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const under = merged[key];
    const next = isMapping(under) && isMapping(value) ? mergeMappings(under, value) : value;
    // defineProperty, so a key named `__proto__` stays a key (and an unknown option).
    Object.defineProperty(merged, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return merged;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
