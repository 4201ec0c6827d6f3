import type { Octokit as CoreOctokit } from "@octokit/core";
import type { ProbotOctokit } from "probot";

/**
 * GraphQL answers parsed with `JSON.parse`. Octokit parses every JSON answer with
 * json-with-bigint, which keeps integers beyond 2^53 exact at about five times the
 * cost (3 ms for a 70 KB history page against 0.5 ms); GraphQL's `Int` is 32-bit
 * and GitHub's large ids are strings, so a GraphQL answer holds no such integer,
 * and the app's history reads are hundreds of kilobytes. REST answers are left as
 * Octokit parses them.
 */
export function graphqlJson(octokit: CoreOctokit) {
  // Hooks see the one options object of the request: a wrap's changed copy would not reach the auth hook.
  octokit.hook.before("request", (options) => {
    if (isGraphql(options.url)) options.request = { ...options.request, parseSuccessResponseBody: false };
  });
  octokit.hook.after("request", async (response, options) => {
    if (!isGraphql(options.url) || options.request?.parseSuccessResponseBody !== false) return;
    response.data = parsed(await new Response(response.data as ReadableStream | null).text());
  });
  return {};
}

const isGraphql = (url: string) => /\/graphql$/.test(url);

/** As Octokit does: an answer that is not JSON is handed on as text. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * `Base` with `graphqlJson` as its first plugin. Plugins' request hooks nest in the
 * order the plugins were added, the first innermost, so the answer is parsed before
 * the throttling and retry plugins look at it (throttling looks for `RATE_LIMITED`).
 */
export function withGraphqlJson<T extends typeof ProbotOctokit>(Base: T): T {
  const Parsed = (Base as typeof ProbotOctokit).plugin();
  Parsed.plugins = [graphqlJson, ...Base.plugins.filter((plugin) => plugin !== graphqlJson)];
  return Parsed as T;
}
