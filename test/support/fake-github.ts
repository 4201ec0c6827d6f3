import nock from "nock";
import { historyAnswer, patchIssue } from "./builder-answers.js";
import type { HistoryBuilder } from "./history-builder.js";

/**
 * GitHub for handler tests, in nock: the history read and the comment mutations
 * answer from (and write to) a test history; other operations answer with `answers`.
 * Every request is recorded by name (GraphQL operation, or `METHOD /path`) in order.
 */
export const API = "https://api.github.com";

export type Answer = (body: Record<string, unknown>) => unknown;

/** A REST answer that fails: `{ "POST /git/refs": () => failure(500) }`. */
export class Failure {
  constructor(
    readonly status: number,
    readonly message = "Server Error",
  ) {}
}
export const failure = (status: number, message?: string) => new Failure(status, message);

export interface FakeGitHub {
  requests: string[];
  bodies: Array<{ name: string; body: Record<string, unknown> }>;
}

export function fakeGitHub(
  builder: HistoryBuilder,
  at: string,
  answers: Record<string, Answer> = {},
): FakeGitHub {
  const fake: FakeGitHub = { requests: [], bodies: [] };
  const record = (name: string, body: Record<string, unknown>) => {
    fake.requests.push(name);
    fake.bodies.push({ name, body });
  };
  nock(API)
    .persist()
    .post("/app/installations/1/access_tokens")
    .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} })
    .get(/\/contents\/\.github(%2F|\/)incident\.yml/)
    .reply(404, { message: "Not Found" })
    .post("/graphql")
    .reply(200, (_uri, requestBody) => {
      const { query, variables } = requestBody as { query: string; variables: Record<string, unknown> };
      const operation = /(query|mutation) (\w+)/.exec(query)?.[2] ?? "?";
      record(operation, variables);
      const answer = answers[operation];
      if (answer) return { data: answer(variables) };
      return (
        historyAnswer(builder, operation, variables, at) ?? {
          errors: [{ message: `test: no answer for ${operation}` }],
        }
      );
    })
    .intercept(/.*/, "POST")
    .reply((uri, requestBody) => rest("POST", uri, requestBody))
    .intercept(/.*/, "PATCH")
    .reply((uri, requestBody) => rest("PATCH", uri, requestBody))
    .intercept(/.*/, "PUT")
    .reply((uri, requestBody) => rest("PUT", uri, requestBody));
  const rest = (method: string, uri: string, requestBody: unknown): [number, unknown] => {
    const name = `${method} ${uri.replace(/^\/repos\/[^/]+\/[^/]+/, "")}`;
    const body = (requestBody ?? {}) as Record<string, unknown>;
    record(name, body);
    const answer = Object.entries(answers).find(([pattern]) => new RegExp(`^${pattern}$`).test(name))?.[1];
    const answered = answer?.(body);
    if (answered instanceof Failure) return [answered.status, { message: answered.message }];
    if (answer) return [200, answered];
    if (method === "PATCH" && /^PATCH \/issues\/\d+$/.test(name)) {
      patchIssue(builder, body, at);
      return [200, {}];
    }
    return [201, { number: 99, html_url: "https://github.com/acme/shop/pull/99" }];
  };
  return fake;
}
