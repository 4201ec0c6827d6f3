import { ProbotOctokit } from "probot";
import { describe, expect, it, vi } from "vitest";
import { jsonAnswers, withJsonAnswers } from "../../../src/github/json-answers.js";

/**
 * JSON answers parsed with JSON.parse where that is exact, as the rest of Octokit would
 * see them: data, GraphQL errors, and the throttling plugin's rate-limit check, which
 * only works when the answer is parsed before it looks (the plugin must come first).
 */
const answers: unknown[] = [];
const fetch = vi.fn(async (url: string) => {
  const body = answers.shift() ?? {};
  if (body instanceof Response) return body;
  return new Response(typeof body === "string" ? body : JSON.stringify(body), {
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

describe("jsonAnswers", () => {
  it("answers GraphQL queries with the data JSON.parse gives, REST too", async () => {
    const client = octokit(withJsonAnswers(ProbotOctokit));
    answers.push({ data: { node: { databaseId: 2_147_483_000, body: "/note 1" } } });
    await expect(client.graphql("query { node(id: 1) { id } }")).resolves.toEqual({
      node: { databaseId: 2_147_483_000, body: "/note 1" },
    });
    answers.push({ id: 7, login: "alice" });
    await expect(client.request("GET /user")).resolves.toMatchObject({ data: { id: 7, login: "alice" } });
  });

  it("answers REST requests with the values Octokit's own parser gives, large integers included", async () => {
    const plain = octokit(ProbotOctokit);
    const parsed = octokit(withJsonAnswers(ProbotOctokit));
    const texts = [
      '{"id":7,"login":"alice","size":1.5e3,"sha":"0123456789abcdef","nested":[{"n":-42}]}',
      // 2^53 + 1 and a 20-digit id: only json-with-bigint keeps them exact (as BigInt).
      '{"id":9007199254740993,"big":12345678901234567890,"small":12}',
      // Sixteen digits inside a string: parsed the slow way, the same values.
      '{"body":"call 0123456789012345 now","id":3}',
      "[]",
    ];
    for (const text of texts) {
      answers.push(text);
      const expected = (await plain.request("GET /user")).data;
      answers.push(text);
      const got = (await parsed.request("GET /user")).data;
      expect(got).toEqual(expected);
    }
    answers.push(texts[1]);
    expect((await parsed.request("GET /user")).data).toMatchObject({ id: 9007199254740993n });
  });

  it("hands on answers that are not JSON as Octokit does: text, bytes, nothing", async () => {
    const client = octokit(withJsonAnswers(ProbotOctokit));
    answers.push(new Response("# config", { headers: { "content-type": "text/plain; charset=utf-8" } }));
    expect((await client.request("GET /repos/a/b/contents/x")).data).toBe("# config");
    answers.push(new Response("not json", { headers: { "content-type": "application/json" } }));
    expect((await client.request("GET /user")).data).toBe("not json");
    answers.push(new Response(new Uint8Array([1, 2, 3]), { headers: { "content-type": "application/zip" } }));
    const bytes = (await client.request("GET /repos/a/b/zipball")).data;
    expect(new Uint8Array(bytes as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 3]));
    answers.push(new Response(null, { status: 204 }));
    expect((await client.request("DELETE /repos/a/b/issues/comments/1")).data).toBe("");
  });

  it("leaves a caller's raw body alone", async () => {
    const client = octokit(withJsonAnswers(ProbotOctokit));
    answers.push({ id: 1 });
    const { data } = await client.request("GET /user", { request: { parseSuccessResponseBody: false } });
    expect(data).toBeInstanceOf(ReadableStream);
  });

  it("still turns GraphQL errors into GraphqlResponseError", async () => {
    const client = octokit(withJsonAnswers(ProbotOctokit));
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
      octokit(withJsonAnswers(ProbotOctokit), first).graphql("query { viewer { login } }"),
    ).rejects.toThrow();
    expect(first).toHaveBeenCalledTimes(1);

    const last = vi.fn(() => false);
    answers.push(limited);
    await expect(
      octokit(ProbotOctokit.plugin(jsonAnswers), last).graphql("query { viewer { login } }"),
    ).rejects.toThrow();
    expect(last).not.toHaveBeenCalled();
  });
});
