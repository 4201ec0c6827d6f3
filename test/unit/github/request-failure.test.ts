import { RequestError } from "@octokit/request-error";
import { describe, expect, it } from "vitest";
import { classifyFailure } from "../../../src/github/request-failure.js";

const request = { method: "POST" as const, url: "https://api.github.com/graphql", headers: {} };
function httpError(status: number, message: string, headers: Record<string, string> = {}) {
  return new RequestError(message, status, {
    request,
    response: { status, url: request.url, headers, data: {} },
  });
}

describe("classifyFailure", () => {
  const now = Date.parse("2026-02-03T14:00:00Z");

  it.each([
    [httpError(502, "Bad Gateway"), true],
    [httpError(500, "fetch failed"), true],
    [httpError(429, "You have exceeded a secondary rate limit"), true],
    [httpError(403, "You have exceeded a secondary rate limit"), true],
    [httpError(403, "API rate limit exceeded for installation ID 1."), true],
    [httpError(403, "Resource not accessible by integration"), false],
    [httpError(422, "Validation Failed"), false],
    [httpError(404, "Not Found"), false],
    [new TypeError("x is undefined"), false],
  ])("%s → retry %s", (error, retry) => {
    expect(classifyFailure(error, now).retry).toBe(retry);
  });

  it("reads retry-after, and the reset time of an exhausted quota", () => {
    expect(
      classifyFailure(httpError(429, "secondary rate limit", { "retry-after": "3" }), now).retryAfterMs,
    ).toBe(3000);
    const reset = String(now / 1000 + 10);
    const quota = httpError(403, "API rate limit exceeded", {
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": reset,
    });
    expect(classifyFailure(quota, now).retryAfterMs).toBe(11_000);
  });

  it("retries GraphQL errors that mean a concurrent change, not those that mean a wrong request", () => {
    const graphql = (type: string) => ({ name: "GraphqlResponseError", errors: [{ type, message: type }] });
    expect(classifyFailure(graphql("NOT_FOUND")).retry).toBe(true);
    expect(classifyFailure(graphql("UNPROCESSABLE")).retry).toBe(false);
  });
});
