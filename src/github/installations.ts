import type { Probot } from "probot";
import { asOctokit, type Octokit } from "./client.js";

/**
 * Every installation of the app, with its Octokit and the repositories (`owner/name`)
 * that have open issues: only those can owe a reminder. Listed one installation at a
 * time, so a sweep starts work before the whole list is known.
 */
export async function* reposToSweep(
  probot: Probot,
): AsyncGenerator<{ installationId: number; octokit: Octokit; repos: string[] }> {
  for (const installationId of await installationIds(probot)) {
    const octokit = await installationOctokit(probot, installationId);
    yield { installationId, octokit, repos: await reposWithOpenIssues(octokit) };
  }
}

/** Installation ids by repository, asked of GitHub once per process per repository. */
const repoInstallations = new Map<string, number>();

/** An Octokit of the installation that covers `owner/repo` (for work no webhook started). */
export async function repoOctokit(probot: Probot, owner: string, repo: string): Promise<Octokit> {
  const key = `${owner}/${repo}`.toLowerCase();
  let id = repoInstallations.get(key);
  if (id === undefined) {
    const app = asOctokit(await probot.auth());
    const { data } = await app.rest.apps.getRepoInstallation({ owner, repo });
    id = data.id;
    repoInstallations.set(key, id);
  }
  return asOctokit(await probot.auth(id));
}

/** The ids of every installation of the app (authenticated as the app: 100 a request). */
export async function installationIds(probot: Probot): Promise<number[]> {
  const app = asOctokit(await probot.auth());
  const installations = await app.paginate(app.rest.apps.listInstallations, { per_page: 100 });
  return installations.map((installation) => installation.id);
}

/** Probot caches the installation's token (about an hour per process). */
export async function installationOctokit(probot: Probot, installationId: number): Promise<Octokit> {
  return asOctokit(await probot.auth(installationId));
}

/** The installation's repositories with open issues (incidents, action items, a PIR pull request). */
export async function reposWithOpenIssues(octokit: Octokit): Promise<string[]> {
  const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
    per_page: 100,
  });
  return repos.filter((repo) => repo.open_issues_count > 0).map((repo) => repo.full_name);
}
