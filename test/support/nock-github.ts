import nock from "nock";
import { bot, type HistoryBuilder } from "./history-builder.js";
import { checkpointSelections, rawHistoryResponse } from "./raw-history.js";

/**
 * GitHub in nock for `probot.receive` tests: every request of the handler under test,
 * answered by `respond` and recorded in order as `METHOD /path` or the GraphQL
 * operation name, so a test can assert the exact sequence. Unknown requests get a 500
 * and show up in the record. `historyGitHub` answers from a test history instead.
 */
export const API = "https://api.github.com";

export interface RespondRequest {
  /** The GraphQL operation, or `METHOD /path` (decoded, without the query string). */
  name: string;
  /** The GraphQL variables, or the REST body. */
  body: Record<string, unknown>;
  method: string;
  /** The path as sent (encoded, with the query string). */
  uri: string;
}

export type Respond = (
  request: RespondRequest,
) => { status?: number; body: unknown; headers?: Record<string, string> } | null;

export function respondingGitHub(respond: Respond): {
  requests: string[];
  bodies: Array<Record<string, unknown>>;
} {
  const requests: string[] = [];
  const bodies: Array<Record<string, unknown>> = [];
  const handle =
    (method: string) =>
    (uri: string, body: nock.Body): [number, unknown, Record<string, string>?] => {
      const parsed = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
      const query = typeof parsed.query === "string" ? parsed.query : null;
      if (query && BATCH.test(query)) return answerBatch(query, parsed, requests, bodies, respond);
      const name = query
        ? (/(query|mutation) (\w+)/.exec(query)?.[2] ?? "?")
        : `${method} ${decodeURIComponent(uri.split("?")[0] ?? "")}`;
      if (name !== "POST /app/installations/1/access_tokens") {
        requests.push(name);
        bodies.push(query ? ((parsed.variables as Record<string, unknown>) ?? {}) : parsed);
      }
      const answer = respond({
        name,
        body: query ? ((parsed.variables as Record<string, unknown>) ?? {}) : parsed,
        method,
        uri,
      });
      if (!answer) return [500, { message: `unexpected ${name}` }];
      if (query?.includes("tail: timelineItems(last:")) asCheckpointRead(answer.body);
      return [answer.status ?? 200, answer.body, answer.headers ?? {}];
    };
  nock(API)
    .persist()
    .post(/.*/)
    .reply(handle("POST"))
    .patch(/.*/)
    .reply(handle("PATCH"))
    .put(/.*/)
    .reply(handle("PUT"))
    .get(/.*/)
    .reply(handle("GET"));
  return { requests, bodies };
}

const BATCH = /^\s*mutation IncidentWrites\b/;

/** Each mutation of a batch under the name it had as a document of its own. */
const LEGACY: Record<string, string> = {
  addReaction: "AddReaction",
  addComment: "AddComment",
  updateIssueComment: "UpdateComment",
  deleteIssueComment: "DeleteComment",
  updateIssue: "UpdateIssue",
  closeIssue: "CloseIssue",
  reopenIssue: "ReopenIssue",
  addAssigneesToAssignable: "AddAssignees",
  createCheckRun: "CreateCheckRun",
  updateCheckRun: "UpdateCheckRun",
  createRef: "CreateRef",
  createCommitOnBranch: "CreateCommitOnBranch",
  createPullRequest: "CreatePullRequest",
  requestReviews: "RequestReviews",
};

/** Code mutations that succeed unless a test answers them: the pull request is number 99. */
const CODE_ANSWERS: Record<string, unknown> = {
  CreateCheckRun: { createCheckRun: { clientMutationId: null } },
  UpdateCheckRun: { updateCheckRun: { clientMutationId: null } },
  CreateRef: { createRef: { clientMutationId: null } },
  CreateCommitOnBranch: { createCommitOnBranch: { commit: { oid: "c0ffee" } } },
  CreatePullRequest: {
    createPullRequest: {
      pullRequest: { id: "PR_99", number: 99, url: "https://github.com/acme/shop/pull/99" },
    },
  },
  RequestReviews: { requestReviews: { clientMutationId: null } },
};

/**
 * The executor's batched document (`IncidentWrites`: aliased mutations `w0`, `w1`, …)
 * answered as GitHub runs it: each mutation in order, recorded and answered by
 * `respond` under the name it had as a document of its own (`AddReaction`,
 * `UpdateComment`, …; the input's fields as its variables, `verify` when its payload
 * selects the history), one that fails is null with an error naming its alias.
 */
function answerBatch(
  query: string,
  parsed: Record<string, unknown>,
  requests: string[],
  bodies: Array<Record<string, unknown>>,
  respond: Respond,
): [number, unknown] {
  const variables = (parsed.variables as Record<string, unknown>) ?? {};
  const data: Record<string, unknown> = {};
  const errors: Array<{ type: string; message: string; path: string[] }> = [];
  const fields = [...query.matchAll(/\b(w\d+): (\w+)\(input: \$(i\d+)\)/g)];
  for (const [k, m] of fields.entries()) {
    const [, alias = "", field = "", input = ""] = m;
    // Its selection: up to the next alias; the verify read selects the timeline.
    const selection = query.slice(m.index, fields[k + 1]?.index ?? query.length);
    const name = LEGACY[field] ?? field;
    const body = {
      ...(variables[input] as Record<string, unknown>),
      verify: selection.includes("timelineItems"),
    };
    requests.push(name);
    bodies.push(body);
    const answer = respond({ name, body, method: "POST", uri: "/graphql" });
    const answered = answer?.body as
      | { data?: Record<string, unknown>; errors?: Array<{ type?: string; message?: string }> }
      | undefined;
    if (!answer || (answer.status ?? 200) >= 300)
      return [answer?.status ?? 500, answer?.body ?? { message: `unexpected ${name}` }];
    if (answered?.errors?.length) {
      data[alias] = null;
      for (const error of answered.errors)
        errors.push({ type: error.type ?? "UNPROCESSABLE", message: error.message ?? "", path: [alias] });
      continue;
    }
    data[alias] = Object.values(answered?.data ?? {})[0] ?? null;
  }
  return [200, errors.length ? { data, errors } : { data }];
}

export const TOKEN = {
  status: 201,
  body: { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} },
};

/** A REST answer that fails: `{ "POST /git/refs": () => failure(500) }`. */
export class Failure {
  constructor(
    readonly status: number,
    readonly message = "Server Error",
  ) {}
}
export const failure = (status: number, message?: string) => new Failure(status, message);

/** A GraphQL mutation GitHub fails (`{ "UpdateComment": () => graphqlFailure("SERVICE_UNAVAILABLE") }`). */
export class GraphqlFailure {
  constructor(
    readonly type: string,
    readonly message = "GitHub could not do it",
  ) {}
}
export const graphqlFailure = (type: string, message?: string) => new GraphqlFailure(type, message);

export type Answer = (body: Record<string, unknown>) => unknown;

export interface HistoryGitHub {
  /** The GraphQL operation, or `METHOD /path` without `/repos/owner/name` (as sent: encoded, with the query). */
  requests: string[];
  bodies: Array<{ name: string; body: Record<string, unknown> }>;
}

const CONFIG_FILE = /\/contents\/\.github(%2F|\/)incident\.yml/;

/**
 * GitHub answering from a test history: the history read and the comment mutations
 * answer from (and write to) `builder`, `PATCH /issues/N` renames, labels and closes
 * it, the config file is absent; other operations answer with `answers` (REST ones by
 * a pattern of their name), else REST writes get a 201 with pull request 99. The token
 * exchange and the config read are not recorded.
 */
export function historyGitHub(builder: HistoryBuilder, at: string, answers: Record<string, Answer> = {}) {
  const fake: HistoryGitHub = { requests: [], bodies: [] };
  const record = (name: string, body: Record<string, unknown>) => {
    fake.requests.push(name);
    fake.bodies.push({ name, body });
  };
  respondingGitHub(({ name, body, method, uri }) => {
    if (name === "POST /app/installations/1/access_tokens") return TOKEN;
    if (method === "GET" && CONFIG_FILE.test(uri)) return { status: 404, body: { message: "Not Found" } };
    if (method === "POST" && uri === "/graphql") {
      record(name, body);
      // An answer may fail the operation, or return undefined to leave it to the test history.
      const answered = answers[name]?.(body);
      if (answered instanceof GraphqlFailure)
        return { body: { data: null, errors: [{ type: answered.type, message: answered.message }] } };
      if (answered !== undefined) return { body: { data: answered } };
      if (CODE_ANSWERS[name]) return { body: { data: CODE_ANSWERS[name] } };
      return {
        body: historyAnswer(builder, name, body, at) ?? {
          errors: [{ message: `test: no answer for ${name}` }],
        },
      };
    }
    const restName = `${method} ${uri.replace(/^\/repos\/[^/]+\/[^/]+/, "")}`;
    record(restName, body);
    if (method === "GET") return null;
    const answer = Object.entries(answers).find(([pattern]) =>
      new RegExp(`^${pattern}$`).test(restName),
    )?.[1];
    const answered = answer?.(body);
    if (answered instanceof Failure) return { status: answered.status, body: { message: answered.message } };
    if (answer) return { body: answered };
    if (method === "PATCH" && /^PATCH \/issues\/\d+$/.test(restName)) {
      patchIssue(builder, body, at);
      return { body: {} };
    }
    return { status: 201, body: { number: 99, html_url: "https://github.com/acme/shop/pull/99" } };
  });
  return fake;
}

/**
 * GitHub's answers to the app's history read and comment mutations, from a test
 * history that the writes update (at `at`), so the verify read that rides on a
 * mutation sees them. The one copy behind `historyGitHub` and
 * `incidentAnswers`. Null: not one of these.
 */
export function historyAnswer(
  builder: HistoryBuilder,
  operation: string,
  variables: Record<string, unknown>,
  at: string,
): { data: unknown } | null {
  const comment = (id: unknown) => {
    const found = builder.history.items.find((item) => item.type === "comment" && item.id === id);
    return found?.type === "comment" ? found : null;
  };
  // As `@include(if: $verify)` does: the history only when the mutation asks for it.
  const issue = () =>
    variables.verify === false ? undefined : rawHistoryResponse(builder.history).issueWithRepository;
  switch (operation) {
    case "IncidentHistory":
      return { data: { repository: rawHistoryResponse(builder.history).repository } };
    case "AddComment":
      builder.comment(String(variables.body), at, bot);
      return { data: { addComment: { commentEdge: { node: { issue: issue() } } } } };
    case "UpdateComment": {
      const found = comment(variables.id);
      if (found) found.body = String(variables.body);
      return { data: { updateIssueComment: { issueComment: { issue: issue() } } } };
    }
    case "AddReaction":
      comment(variables.subjectId)?.appReactions.push(variables.content as "EYES");
      return { data: { addReaction: { reaction: { content: variables.content } } } };
    case "UpdateIssue": {
      const names = new Map(builder.history.repo.labels.map((label) => [label.id, label.name]));
      const ids = Array.isArray(variables.labelIds) ? (variables.labelIds as string[]) : null;
      const labels = ids?.map((id) => names.get(id) ?? id.replace(/^LA_/, ""));
      patchIssue(builder, { title: variables.title, ...(labels ? { labels } : {}) }, at);
      if (typeof variables.body === "string") builder.history.issue.body = variables.body;
      return { data: { updateIssue: { issue: issue() } } };
    }
    case "CloseIssue":
      patchIssue(builder, { state: "closed" }, at);
      return { data: { closeIssue: { issue: issue() } } };
    case "ReopenIssue":
      patchIssue(builder, { state: "open" }, at);
      return { data: { reopenIssue: { issue: issue() } } };
    default:
      return null;
  }
}

/** `PATCH /repos/…/issues/N` applied as GitHub would: renamed, labelled, assigned, closed or reopened by the app. */
function patchIssue(builder: HistoryBuilder, patch: Record<string, unknown>, at: string): void {
  const issue = builder.history.issue;
  const labels = Array.isArray(patch.labels) ? (patch.labels as string[]) : null;
  if (typeof patch.title === "string" && patch.title !== issue.title) builder.rename(patch.title, at);
  for (const label of labels ?? []) if (!issue.labels.includes(label)) builder.label(label, at, bot);
  for (const label of [...issue.labels])
    if (labels && !labels.includes(label)) builder.unlabel(label, at, bot);
  if (Array.isArray(patch.assignees)) issue.assignees = patch.assignees as string[];
  if (patch.state === "closed" && issue.state === "OPEN") builder.close(at, bot);
  if (patch.state === "open" && issue.state === "CLOSED") builder.reopen(at, bot);
}

/** The checkpoint read's selections on an answer shaped like the full read (raw-history.ts). */
function asCheckpointRead(body: unknown): void {
  const issue = (body as { data?: { repository?: { issue?: Record<string, unknown> | null } } } | null)?.data
    ?.repository?.issue;
  const timeline = issue?.timelineItems as { nodes: Array<Record<string, unknown> | null> } | undefined;
  if (issue && timeline && !issue.tail) Object.assign(issue, checkpointSelections(timeline.nodes));
}
