import { codeSpan } from "./code-span.js";
import { type ConfigError, type ConfigProblem, createConfigError } from "./config-error.js";
import { CONFIG_PATH, configFileFromUrl, configFileName, type RepoRef } from "./config-file-name.js";
import { describeValue } from "./describe-issues.js";
import { yamlSyntaxProblem } from "./yaml-syntax-problem.js";

/**
 * What Probot's config loader (`@probot/octokit-plugin-config`) throws, as a
 * ConfigError the people who own the file can act on; null for failures that are not
 * about the file (GitHub 5xx, rate limits, network), which the caller should rethrow.
 */
export function configErrorFromLoader(error: unknown, current: RepoRef): ConfigError | null {
  if (!(error instanceof Error)) return null;
  const status = httpStatus(error);
  if (status !== null) return isTransient(error, status) ? null : unreadable(error, status, current);
  const text = error.message.replace(/^\[@probot\/octokit-plugin-config\]\s*/, "");
  if (text === error.message) return null;
  const name = (url: string | undefined): string => {
    const file = url ? configFileFromUrl(url) : null;
    return file ? configFileName(file, current) : CONFIG_PATH;
  };
  const [problem, url] = describeLoaderMessage(text, error.cause);
  return createConfigError(name(url), [problem]);
}

function describeLoaderMessage(text: string, cause: unknown): [ConfigProblem, string | undefined] {
  let match = /could not be parsed from (\S+) \(invalid YAML\)/.exec(text);
  if (match) return [yamlSyntaxProblem(cause), match[1]];
  match = /could not be parsed from (\S+) \(YAML is not an object\)/.exec(text);
  if (match) return [{ path: "", message: "expected options as `key: value` lines (got text)" }, match[1]];
  match = /^Invalid value (.+) for _extends in (\S+)$/.exec(text);
  if (match) {
    const value = (match[1] ?? "").replace(/^"(.*)"$/, "$1");
    const message = `expected \`repo\`, \`owner/repo\` or \`owner/repo:path/file.yml\` (got ${describeValue(value)})`;
    return [{ path: "_extends", message }, match[2]];
  }
  match = /^Recursion detected\. .* from (\S+) because (\S+) was already loaded/.exec(text);
  if (match) {
    const again = configFileFromUrl(match[2] ?? "");
    const which = again ? codeSpan(`${again.owner}/${again.repo}:${again.path}`) : "a file";
    const message = `leads back to ${which}, which was already loaded: the files extend each other in a loop`;
    return [{ path: "_extends", message }, match[1]];
  }
  match = /^(\S+) exists, but is either a directory or a submodule/.exec(text);
  if (match) return [{ path: "", message: "is a directory or a submodule, not a file" }, match[1]];
  return [{ path: "", message: `could not be loaded: ${text}` }, undefined];
}

function unreadable(error: Error, status: number, current: RepoRef): ConfigError {
  const request = "request" in error ? error.request : undefined;
  const url = typeof request === "object" && request !== null && "url" in request ? String(request.url) : "";
  const file = configFileFromUrl(url);
  const problem = { path: "", message: `could not be read: GitHub answered ${status} (${error.message})` };
  return createConfigError(file ? configFileName(file, current) : CONFIG_PATH, [problem]);
}

function httpStatus(error: Error): number | null {
  return "status" in error && typeof error.status === "number" ? error.status : null;
}

/** Worth retrying later rather than telling people their file is wrong. */
function isTransient(error: Error, status: number): boolean {
  if (status >= 500 || status === 429) return true;
  const response = "response" in error ? error.response : undefined;
  const headers =
    typeof response === "object" && response !== null && "headers" in response ? response.headers : undefined;
  const remaining =
    typeof headers === "object" && headers !== null && "x-ratelimit-remaining" in headers
      ? headers["x-ratelimit-remaining"]
      : undefined;
  return status === 403 && String(remaining) === "0";
}
