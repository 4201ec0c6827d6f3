import { type ConfigError, type ConfigProblem, createConfigError } from "./config-error.js";
import { formatConfigPath } from "./config-path.js";
import { describeIssues } from "./describe-issues.js";
import { type Config, ConfigSchema } from "./schema.js";

export type Validation = { ok: true; config: Config } | { ok: false; error: ConfigError };

/** Names the file a problem at `path` is in, when several files were merged. */
export type LocateProblem = (path: readonly PropertyKey[]) => string;

/**
 * The whole configuration or a ConfigError listing every problem: never a config with
 * the broken parts replaced by defaults. A missing or empty document means "all defaults".
 */
export function validateConfig(raw: unknown, file: string, locate: LocateProblem = () => file): Validation {
  const key = jsonKey(raw ?? {});
  const known = key === null ? undefined : validConfigs.get(key);
  if (known) return { ok: true, config: known };
  const parsed = ConfigSchema.safeParse(raw ?? {}, { reportInput: true });
  if (parsed.success) {
    if (key !== null) remember(key, parsed.data);
    return { ok: true, config: parsed.data };
  }
  const located = describeIssues(parsed.error.issues, ConfigSchema).map((problem) => ({
    path: formatConfigPath(problem.path),
    message: problem.message,
    file: locate(problem.path),
  }));
  const errorFile = located.some((problem) => problem.file === file) ? file : (located[0]?.file ?? file);
  const problems = located.map(
    ({ file: where, ...problem }): ConfigProblem =>
      where === errorFile ? problem : { ...problem, file: where },
  );
  return { ok: false, error: createConfigError(errorFile, problems) };
}

/**
 * Valid configs by their text. A sweep pass validates the config of every repository it
 * visits, and most installations have the same one (or none: the defaults), a zod parse
 * of the whole schema each time; a config is shared read-only already (config-cache.ts).
 */
const validConfigs = new Map<string, Config>();
const MAX_VALID_CONFIGS = 200;

function remember(key: string, config: Config): void {
  if (validConfigs.size >= MAX_VALID_CONFIGS) {
    const oldest = validConfigs.keys().next();
    if (!oldest.done) validConfigs.delete(oldest.value);
  }
  validConfigs.set(key, config);
}

/**
 * The document as JSON, or null when JSON would not tell it apart from another one
 * the schema sees differently: a date (YAML timestamps), `undefined`, a number JSON
 * cannot write, anything but plain objects, arrays, strings, numbers, booleans and null.
 */
function jsonKey(raw: unknown): string | null {
  let plain = true;
  const text = JSON.stringify(raw, function (this: Record<string, unknown>, name, value: unknown) {
    if (!isPlainJson(this[name])) plain = false;
    return value;
  });
  return plain && typeof text === "string" ? text : null;
}

function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return true;
  if (typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
