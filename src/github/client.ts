import type { ProbotOctokit } from "probot";

/**
 * The one Octokit type of the GitHub wall: Probot's (throttling, retries, the config
 * loader). Everything outside `src/github/` holds one of these and passes it back in;
 * only this folder calls it.
 */
export type Octokit = InstanceType<typeof ProbotOctokit>;

/** All a read needs: both the app's Octokit and a token Octokit in a workflow fit. */
export interface GraphqlClient {
  graphql: <T>(query: string, variables: Record<string, unknown>) => Promise<T>;
}

/** The incident a plan is applied to. */
export interface Target {
  owner: string;
  repo: string;
  number: number;
  issueId: string;
}

/**
 * The one cast: Probot types `context.octokit` (and `probot.auth()`) with the plugins it
 * was created with, which TypeScript cannot see are the ones `Octokit` names.
 */
export function asOctokit(octokit: unknown): Octokit {
  return octokit as Octokit;
}
