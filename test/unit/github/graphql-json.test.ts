import { ProbotOctokit } from "probot";
import { describe, expect, it, vi } from "vitest";
import { graphqlJson, withGraphqlJson } from "../../../src/github/graphql-json.js";

/**
 * GraphQL answers parsed with JSON.parse, as the rest of Octokit would see them:
 * data, GraphQL errors, and the throttling plugin's rate-limit check, which only
 * works when the answer is parsed before it looks (the plugin must come first).
 */
const answers: unknown[] = [];
const fetch = vi.fn(async (url: string) => {
  const body = answers.shift() ?? {};
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: {
      "content-type": /graphql$/.test(url) ? "application/json" : "application/json; charset=utf-8",
    },
  });
});

function octokit(Base: typeof ProbotOctokit, onRateLimit = vi.fn(() => false)) {
  return new Base({
    auth: "token",
    request: { fetch },
    retry: { enabled: false },
    throttle: { enabled: true, onRateLimit, onSecondaryRateLimit: onRateLimit },
  });
}

describe("graphqlJson", () => {
  it("answers GraphQL queries with the data JSON.parse gives, REST as before", async () => {
    const client = octokit(withGraphqlJson(ProbotOctokit));
    answers.push({ data: { node: { databaseId: 2_147_483_000, body: "/note 1" } } });
    await expect(client.graphql("query { node(id: 1) { id } }")).resolves.toEqual({
      node: { databaseId: 2_147_483_000, body: "/note 1" },
    });
    answers.push({ id: 7, login: "alice" });
    await expect(client.request("GET /user")).resolves.toMatchObject({ data: { id: 7, login: "alice" } });
  });

  it("still turns GraphQL errors into GraphqlResponseError", async () => {
    const client = octokit(withGraphqlJson(ProbotOctokit));
    answers.push({ data: null, errors: [{ type: "NOT_FOUND", message: "Could not resolve" }] });
    await expect(client.graphql("query { viewer { login } }")).rejects.toMatchObject({
      name: "GraphqlResponseError",
      errors: [{ type: "NOT_FOUND" }],
    });
  });

  it("comes first, so throttling still sees a GraphQL rate limit; added last, it would not", async () => {
    const limited = { data: null, errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded" }] };
    const first = vi.fn(() => false);
    answers.push(limited);
    await expect(
      octokit(withGraphqlJson(ProbotOctokit), first).graphql("query { viewer { login } }"),
    ).rejects.toThrow();
    expect(first).toHaveBeenCalledTimes(1);

    const last = vi.fn(() => false);
    answers.push(limited);
    await expect(
      octokit(ProbotOctokit.plugin(graphqlJson), last).graphql("query { viewer { login } }"),
    ).rejects.toThrow();
    expect(last).not.toHaveBeenCalled();
  });
});
