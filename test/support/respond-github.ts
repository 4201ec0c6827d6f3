import nock from "nock";

/**
 * Every request of a handler under test, answered by `respond` and recorded in
 * order as `METHOD /path` or the GraphQL operation name, so a test can assert the
 * exact sequence. Unknown requests get a 500 and show up in the record.
 */
export type Respond = (request: {
  name: string;
  body: Record<string, unknown>;
}) => { status?: number; body: unknown; headers?: Record<string, string> } | null;

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
      });
      if (!answer) return [500, { message: `unexpected ${name}` }];
      return [answer.status ?? 200, answer.body, answer.headers ?? {}];
    };
  nock("https://api.github.com")
    .persist()
    .post(/.*/)
    .reply(handle("POST"))
    .patch(/.*/)
    .reply(handle("PATCH"))
    .get(/.*/)
    .reply(handle("GET"));
  return { requests, bodies };
}

export const TOKEN = {
  status: 201,
  body: { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} },
};
