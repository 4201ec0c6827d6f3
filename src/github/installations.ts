import type { Probot } from "probot";
import { asOctokit, type Octokit } from "./client.js";

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

/** The ids of every installation of the app, a page (100, authenticated as the app) at a time. */
export async function* installationIdPages(probot: Probot): AsyncGenerator<number[]> {
  const app = asOctokit(await probot.auth());
  for await (const page of app.paginate.iterator(app.rest.apps.listInstallations, { per_page: 100 }))
    yield page.data.map((installation) => installation.id);
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
