import type { Octokit } from "./client.js";

/** Every repository of the installation (`owner/name`), 100 a request: `organisation.freeze: all`. */
export async function installationRepositories(octokit: Octokit): Promise<string[]> {
  const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
    per_page: 100,
  });
  return repos.filter((repo) => !repo.archived).map((repo) => repo.full_name);
}
