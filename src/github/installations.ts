import type { Probot } from "probot";
import { asOctokit, type Octokit } from "./client.js";

/**
 * Every installation of the app, with its Octokit and the repositories (`owner/name`)
 * that have open issues: only those can owe a reminder. Listed one installation at a
 * time, so a sweep starts work before the whole list is known.
 */
export async function* reposToSweep(probot: Probot): AsyncGenerator<{ octokit: Octokit; repos: string[] }> {
  const app = asOctokit(await probot.auth());
  const installations = await app.paginate(app.rest.apps.listInstallations, { per_page: 100 });
  for (const installation of installations) {
    const octokit = asOctokit(await probot.auth(installation.id));
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100,
    });
    yield {
      octokit,
      repos: repos.filter((repo) => repo.open_issues_count > 0).map((repo) => repo.full_name),
    };
  }
}

/** Installation ids by repository, asked of GitHub once per process per repository. */
const installationIds = new Map<string, number>();

/** An Octokit of the installation that covers `owner/repo` (for work no webhook started). */
export async function repoOctokit(probot: Probot, owner: string, repo: string): Promise<Octokit> {
  const key = `${owner}/${repo}`.toLowerCase();
  let id = installationIds.get(key);
  if (id === undefined) {
    const app = asOctokit(await probot.auth());
    const { data } = await app.rest.apps.getRepoInstallation({ owner, repo });
    id = data.id;
    installationIds.set(key, id);
  }
  return asOctokit(await probot.auth(id));
}
