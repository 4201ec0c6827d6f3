/** The config file, relative to a repository's root. */
export const CONFIG_PATH = ".github/incident.yml";
/** The name `context.config` and Probot's loader take (relative to `.github/`). */
export const CONFIG_FILE = "incident.yml";
/** `object(expression:)` of the config file on the default branch, for the GraphQL history read. */
export const CONFIG_EXPRESSION = `HEAD:${CONFIG_PATH}`;

export type RepoRef = { owner: string; repo: string };

/** How a file is named to people: its path in this repo, `owner/repo:path` elsewhere. */
export function configFileName(file: RepoRef & { path: string }, current: RepoRef): string {
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  const here = same(file.owner, current.owner) && same(file.repo, current.repo);
  return here ? file.path : `${file.owner}/${file.repo}:${file.path}`;
}

/** The file an API URL of the contents endpoint names, e.g. `/repos/acme/.github/contents/.github%2Fincident.yml`. */
export function configFileFromUrl(url: string): (RepoRef & { path: string }) | null {
  const match = /\/repos\/([^/]+)\/([^/]+)\/contents\/([^?#\s]+)/.exec(url);
  if (!match) return null;
  const [, owner = "", repo = "", path = ""] = match;
  return { owner, repo, path: safeDecode(path) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
