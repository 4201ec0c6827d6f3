import { YAMLException } from "js-yaml";
import type { ConfigProblem } from "./config-error.js";

/**
 * A YAML syntax error as a config problem with its line, column and the source lines
 * around it. Handles js-yaml's `YAMLException` (our own parsing) and the `yaml`
 * package's `YAMLParseError` (Probot's config loader); anything else gives its message.
 */
export function yamlSyntaxProblem(error: unknown): ConfigProblem {
  if (error instanceof YAMLException) {
    const where = error.mark ? ` at line ${error.mark.line + 1}, column ${error.mark.column + 1}` : "";
    return withSnippet(
      { path: "", message: `YAML syntax error${where}: ${error.reason}` },
      error.mark?.snippet,
    );
  }
  if (isYamlParseError(error)) {
    const [reason = error.message, context] = error.message.split(/ at line \d+, column \d+:\n\n/);
    const { line, col } = error.linePos[0];
    return withSnippet(
      { path: "", message: `YAML syntax error at line ${line}, column ${col}: ${reason}` },
      context,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return { path: "", message: `YAML syntax error: ${message}` };
}

function withSnippet(problem: ConfigProblem, snippet: string | null | undefined): ConfigProblem {
  const trimmed = snippet?.replace(/\s+$/, "");
  return trimmed ? { ...problem, snippet: trimmed } : problem;
}

type YamlParseError = Error & { linePos: [{ line: number; col: number }, ...unknown[]] };

function isYamlParseError(error: unknown): error is YamlParseError {
  if (!(error instanceof Error) || error.name !== "YAMLParseError" || !("linePos" in error)) return false;
  const first: unknown = Array.isArray(error.linePos) ? error.linePos[0] : undefined;
  return typeof first === "object" && first !== null && "line" in first && "col" in first;
}
