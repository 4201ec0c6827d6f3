import { loadAll } from "js-yaml";
import { createConfigError } from "./config-error.js";
import type { ConfigResult } from "./config-result.js";
import { validateConfig } from "./validate-config.js";
import { yamlSyntaxProblem } from "./yaml-syntax-problem.js";

/**
 * Parses and validates the text of an `incident.yml` (pure: for the CLI and tests).
 * `_extends` is validated but not followed; `loadConfig` follows it through Probot.
 */
export function parseConfigText(yamlText: string, file: string): ConfigResult {
  let documents: unknown[];
  try {
    documents = loadAll(yamlText);
  } catch (error) {
    return { ok: false, error: createConfigError(file, [yamlSyntaxProblem(error)]) };
  }
  if (documents.length > 1) {
    const message = `expected one YAML document, found ${documents.length}; remove the \`---\` separators`;
    return { ok: false, error: createConfigError(file, [{ path: "", message }]) };
  }
  const result = validateConfig(documents[0], file);
  if (!result.ok) return result;
  return { ok: true, config: result.config, source: { origin: "text", files: [file], cached: false } };
}
