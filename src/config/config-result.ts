import type { ConfigError } from "./config-error.js";
import type { Config } from "./schema.js";

/** Where a usable configuration came from. */
export type ConfigSource = {
  /**
   * `repo`: the repository's own `.github/incident.yml`; `org`: the organisation's
   * `.github` repository (the repo has none); `defaults`: no file anywhere;
   * `text`: YAML given directly (CLI, tests).
   */
  origin: "repo" | "org" | "defaults" | "text";
  /** The files merged, most specific first, e.g. `.github/incident.yml`, `acme/shared:.github/incident.yml`. */
  files: string[];
  /** True when this came from the cache, without a request. */
  cached: boolean;
};

export type ConfigResult =
  | {
      ok: true;
      config: Config;
      source: ConfigSource;
      /** Problems that do not stop the config from being used (a service's repository the app cannot reach): told once on the incident. */
      warnings?: ConfigError;
    }
  | { ok: false; error: ConfigError };
