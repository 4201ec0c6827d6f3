import type { Octokit as CoreOctokit } from "@octokit/core";
import { JSONParse } from "json-with-bigint";
import type { ProbotOctokit } from "probot";

/**
 * JSON answers parsed with `JSON.parse` where that is exact. Octokit parses every JSON
 * answer with json-with-bigint, which keeps integers beyond 2^53 exact at about five
 * times the cost (3 ms for a 70 KB history page against 0.5 ms; a sweep job's REST
 * answers, the repositories and the config, cost it a millisecond). Only an integer of
 * 16 digits or more can exceed 2^53, so an answer without a run of 16 digits is parsed
 * with `JSON.parse` (the same values), any other with Octokit's parser; GraphQL's `Int`
 * is 32-bit and GitHub's large ids are strings, so GraphQL answers never need it.
 * Answers that are not JSON are handed on the way Octokit hands them on (text or bytes).
 */
/** Marks the requests whose body this plugin parses (a string key survives Octokit's copies of options). */
const OURS = "incidentAppParsesJson";

type RequestOptions = { request?: Record<string, unknown> };

export function jsonAnswers(octokit: CoreOctokit) {
  // Hooks see the one options object of the request: a wrap's changed copy would not reach the auth hook.
  octokit.hook.before("request", (options) => {
    const request = (options as unknown as RequestOptions).request;
    // A caller that asked for the raw body (a download) keeps it.
    if (request?.parseSuccessResponseBody === false && !request[OURS]) return;
    (options as unknown as RequestOptions).request = {
      ...request,
      parseSuccessResponseBody: false,
      [OURS]: true,
    };
  });
  octokit.hook.after("request", async (response, options) => {
    if (!(options as unknown as RequestOptions).request?.[OURS]) return;
    // 204, 205 and HEAD answers carry no body (Octokit sets `data` to "").
    if (response.data !== null && !(response.data instanceof ReadableStream)) return;
    response.data = await answerData(response.data, response.headers["content-type"]);
  });
  return {};
}

/** What Octokit's `getResponseData` makes of an answer, with the JSON parsed as above. */
async function answerData(body: ReadableStream | null, contentType: string | undefined): Promise<unknown> {
  const answer = new Response(body);
  if (!contentType) return answer.text().catch(() => undefined);
  const [type = "", ...parameters] = contentType.split(";").map((part) => part.trim().toLowerCase());
  if (type === "application/json" || type === "application/scim+json") {
    let text = "";
    try {
      text = await answer.text();
      return /\d{16}/.test(text) ? JSONParse(text) : JSON.parse(text);
    } catch {
      return text;
    }
  }
  const utf8 = parameters.includes("charset=utf-8") && type !== "application/octet-stream";
  if (type.startsWith("text/") || utf8) return answer.text().catch(() => undefined);
  return answer.arrayBuffer().catch(() => new ArrayBuffer(0));
}

/**
 * `Base` with `jsonAnswers` as its first plugin. Plugins' request hooks nest in the
 * order the plugins were added, the first innermost, so the answer is parsed before
 * the throttling and retry plugins look at it (throttling looks for `RATE_LIMITED`).
 */
export function withJsonAnswers<T extends typeof ProbotOctokit>(Base: T): T {
  const Parsed = (Base as typeof ProbotOctokit).plugin();
  Parsed.plugins = [jsonAnswers, ...Base.plugins.filter((plugin) => plugin !== jsonAnswers)];
  return Parsed as T;
}
