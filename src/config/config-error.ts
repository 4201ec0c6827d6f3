import { createHash } from "node:crypto";
import { codeSpan } from "./code-span.js";

/**
 * A configuration that cannot be used, as one reply on the incident being handled:
 * which file, each problem at its path, what the app did, how to fix it (§9).
 */

export type ConfigProblem = {
  /** Where in the file, e.g. `severities[0].ack`; empty for the file as a whole. */
  path: string;
  /** What is wrong and what was expected, one line of Markdown. */
  message: string;
  /** The file the problem is in, when not `ConfigError.file` (an extended file). */
  file?: string;
  /** Source lines around a YAML syntax error, shown in a code block. */
  snippet?: string;
};

export type ConfigError = {
  /** The file that was read, e.g. `.github/incident.yml` or `acme/.github:.github/incident.yml`. */
  file: string;
  problems: ConfigProblem[];
  /** Stable for the same file and problems: reply once per distinct set. */
  hash: string;
};

/** Where the reference lives in the app's repository. */
export const CONFIG_DOCS_PATH = "docs/configuration.md";

export function createConfigError(file: string, problems: ConfigProblem[]): ConfigError {
  const unique = problems.filter(
    (problem, index) =>
      problems.findIndex(
        (other) =>
          other.path === problem.path && other.message === problem.message && other.file === problem.file,
      ) === index,
  );
  const text = [file, ...unique.map((problem) => formatProblem(problem, file))].join("\n");
  return { file, problems: unique, hash: createHash("sha1").update(text).digest("hex") };
}

export type FormatConfigErrorOptions = {
  /** Absolute link to the configuration reference; without it the path is named. */
  docsUrl?: string;
};

/** The Markdown reply: file, problems, what the app did, how to fix it. */
export function formatConfigError(error: ConfigError, options: FormatConfigErrorOptions = {}): string {
  const count = error.problems.length === 1 ? "1 problem" : `${error.problems.length} problems`;
  const reference = options.docsUrl
    ? `[the configuration reference](${options.docsUrl})`
    : `the configuration reference (${codeSpan(CONFIG_DOCS_PATH)} in the incident app's repository)`;
  return [
    "### ⚠️ Incident configuration error",
    "",
    `The incident app could not use ${codeSpan(error.file)} (${count}):`,
    "",
    ...error.problems.map((problem) => formatProblem(problem, error.file)),
    "",
    "**What the app did:** nothing else with this event. It did not fall back to the defaults for the " +
      "broken parts: a configuration is used whole or not at all.",
    "",
    `**How to fix it:** correct the file on the default branch; ${reference} lists every option with ` +
      "its type and default. Then repeat what you did (the command, label or edit) and the app will handle it.",
  ].join("\n");
}

/** The reply for problems that do not stop the config from being used (`warnings` of a loaded config). */
export function formatConfigWarning(error: ConfigError): string {
  return [
    "### ⚠️ Incident configuration: repositories the app cannot use",
    "",
    `${codeSpan(error.file)} names repositories the incident app cannot use:`,
    "",
    ...error.problems.map((problem) => formatProblem(problem, error.file)),
    "",
    "**What the app did:** used the configuration for everything else; it checks these repositories again " +
      "whenever the file changes.",
  ].join("\n");
}

function formatProblem(problem: ConfigProblem, file: string): string {
  const where = problem.path === "" ? "" : `${codeSpan(problem.path)}: `;
  const elsewhere = problem.file && problem.file !== file ? ` (in ${codeSpan(problem.file)})` : "";
  const line = `- ${where}${problem.message}${elsewhere}`;
  if (!problem.snippet) return line;
  const fence = "`".repeat(Math.max(3, longestBacktickRun(problem.snippet) + 1));
  const indented = [fence, ...problem.snippet.split("\n"), fence].map((text) => (text ? `  ${text}` : text));
  return [line, "", ...indented].join("\n");
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
}
