import nock from "nock";
import { bot, type HistoryBuilder } from "./history-builder.js";
import { rawHistoryResponse } from "./raw-history.js";

/**
 * GitHub for handler tests, in nock: the history read and the comment mutations
 * answer from (and write to) a test history; other operations answer with `answers`.
 * Every request is recorded by name (GraphQL operation, or `METHOD /path`) in order.
 */
export const API = "https://api.github.com";

export type Answer = (body: Record<string, unknown>) => unknown;

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
  const history = () => rawHistoryResponse(builder.history);
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
      switch (operation) {
        case "IncidentHistory":
          return { data: { repository: history().repository } };
        case "AddComment":
          builder.comment(String(variables.body), at, bot);
          return {
            data: { addComment: { commentEdge: { node: { issue: history().issueWithRepository } } } },
          };
        case "UpdateComment": {
          const comment = builder.history.items.find(
            (item) => item.type === "comment" && item.id === variables.id,
          );
          if (comment?.type === "comment") comment.body = String(variables.body);
          return { data: { updateIssueComment: { issueComment: { issue: history().issueWithRepository } } } };
        }
        case "AddReaction": {
          const comment = builder.history.items.find(
            (item) => item.type === "comment" && item.id === variables.subjectId,
          );
          if (comment?.type === "comment") comment.appReactions.push(variables.content as "EYES");
          return { data: { addReaction: { reaction: { content: variables.content } } } };
        }
        default:
          return { errors: [{ message: `test: no answer for ${operation}` }] };
      }
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
    if (answer) return [200, answer(body)];
    if (method === "PATCH" && /\/issues\/\d+$/.test(name)) {
      const { issue } = builder.history;
      if (typeof body.title === "string") builder.rename(body.title, at);
      if (Array.isArray(body.labels)) issue.labels = body.labels as string[];
      if (body.state === "closed") issue.state = "CLOSED";
      return [200, {}];
    }
    return [201, { number: 99, html_url: "https://github.com/acme/shop/pull/99" }];
  };
  return fake;
}
