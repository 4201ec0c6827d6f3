import type { Probot } from "probot";
import type { GraphqlClient } from "./client.js";
import { SWEEP_VIEWER_QUERY } from "./queries-sweep.js";

/**
 * The app's bot login (`slug[bot]`): from APP_SLUG when set, else asked of GitHub
 * once per process (`GET /app`, authenticated as the app).
 */
export function botLoginResolver(app: Probot, slug = process.env.APP_SLUG): () => Promise<string> {
  let known: Promise<string> | null = slug ? Promise.resolve(`${slug}[bot]`) : null;
  return () => {
    known ??= app
      .auth()
      .then((octokit) => octokit.rest.apps.getAuthenticated())
      .then(({ data }) => `${data?.slug}[bot]`)
      .catch((error: unknown) => {
        known = null;
        throw error;
      });
    return known;
  };
}

/** The token's own login: `slug[bot]` for an app's installation token. */
export async function viewerLogin(octokit: GraphqlClient): Promise<string> {
  const { viewer } = await octokit.graphql<{ viewer: { login: string } }>(SWEEP_VIEWER_QUERY, {});
  return viewer.login;
}
