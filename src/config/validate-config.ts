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
  const parsed = ConfigSchema.safeParse(raw ?? {}, { reportInput: true });
  if (parsed.success) return { ok: true, config: parsed.data };
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
