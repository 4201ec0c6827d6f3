import type { Octokit } from "./client.js";

/**
 * Counts the content-creating requests (issues, comments, pull requests, reviews) one
 * piece of work made through an Octokit, as GitHub's secondary limit counts them:
 * each issue or comment created, so a GraphQL document of three aliased `addComment`
 * mutations counts three. The alert budget settles its reservations with it (§14).
 */
export interface ContentMeter {
  count(): number;
  stop(): void;
}

const REST_CONTENT = [
  /\/repos\/[^/]+\/[^/]+\/issues$/,
  /\/issues\/[^/]+\/comments$/,
  /\/repos\/[^/]+\/[^/]+\/pulls$/,
  /\/pulls\/[^/]+\/(reviews|comments)$/,
  /\/commits\/[^/]+\/comments$/,
];

const GRAPHQL_CONTENT =
  /\b(addComment|createIssue|createPullRequest|addPullRequestReview|addPullRequestReviewThread|addDiscussionComment|createDiscussion)\s*\(/g;

export function contentCreated(options: { method?: string; url?: string; query?: unknown }): number {
  if (options.method !== "POST" || !options.url) return 0;
  const path = options.url.replace(/^https?:\/\/[^/]+/, "").replace(/\?.*$/, "");
  if (/\/graphql$/.test(path)) {
    const query = typeof options.query === "string" ? options.query : "";
    if (!/^\s*mutation\b/.test(query)) return 0;
    return query.match(GRAPHQL_CONTENT)?.length ?? 0;
  }
  return REST_CONTENT.some((pattern) => pattern.test(path)) ? 1 : 0;
}

export function meterContent(octokit: Octokit): ContentMeter {
  let made = 0;
  const after = (_response: unknown, options: { method?: string; url?: string; query?: unknown }) => {
    made += contentCreated(options);
  };
  octokit.hook.after("request", after);
  return {
    count: () => made,
    stop: () => octokit.hook.remove("request", after),
  };
}
