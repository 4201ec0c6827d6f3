import Bottleneck from "bottleneck";
import nock from "nock";
import { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { createAppOctokit } from "../../src/github/app-octokit.js";
import { isGraphqlRead } from "../../src/github/graphql-reads.js";
import { scaledRetryPolicy } from "../../src/github/retry-policy.js";
import { isolateNock } from "../support/nock-isolation.js";
import { testPrivateKey } from "../support/probot.js";

/**
 * The production Octokit spaces writes one second apart per installation (GitHub's
 * secondary limits), but not GraphQL queries: an event's write no longer waits a
 * second after its read. The write limiter is watched through a Bottleneck whose
 * groups record what they schedule.
 */
isolateNock();

const scheduled: string[] = [];

class WatchedBottleneck extends Bottleneck {
  static override Group = class extends Bottleneck.Group {
    readonly #id: string;
    readonly #watched = new WeakSet<Bottleneck>();
    constructor(options: Bottleneck.ConstructorOptions = {}) {
      super(options);
      this.#id = options.id ?? "";
    }
    override key(key = ""): Bottleneck {
      const limiter = super.key(key);
      if (!this.#watched.has(limiter)) {
        this.#watched.add(limiter);
        const schedule = limiter.schedule.bind(limiter) as (...args: unknown[]) => Promise<unknown>;
        limiter.schedule = ((...args: unknown[]) => {
          scheduled.push(this.#id);
          return schedule(...args);
        }) as Bottleneck["schedule"];
      }
      return limiter;
    }
  };
}

async function installationOctokit() {
  const AppOctokit = createAppOctokit(scaledRetryPolicy(0.001)).defaults(
    (options: Record<string, unknown>) => ({
      ...options,
      throttle: { ...(options.throttle as object), Bottleneck: WatchedBottleneck },
    }),
  );
  const probot = new Probot({
    appId: 1,
    privateKey: testPrivateKey(),
    baseUrl: "https://api.github.com",
    Octokit: AppOctokit as ReturnType<typeof createAppOctokit>,
    logLevel: "fatal",
  });
  nock("https://api.github.com")
    .post("/app/installations/7/access_tokens")
    .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} });
  return probot.auth(7);
}

const writes = () => scheduled.filter((id) => id === "octokit-write").length;

describe("GraphQL reads and the write spacing", () => {
  it("queries skip the write limiter; mutations and REST writes go through it", async () => {
    const octokit = await installationOctokit();
    const api = nock("https://api.github.com")
      .post("/graphql")
      .times(2)
      .reply(200, { data: { viewer: { login: "incident-bot[bot]" } } })
      .post("/graphql")
      .reply(200, { data: { addComment: { clientMutationId: null } } })
      .post("/repos/acme/svc/issues/1/labels")
      .reply(200, []);

    await octokit.graphql("query Who { viewer { login } }");
    await octokit.graphql("# who am I\n{ viewer { login } }");
    expect(writes()).toBe(0);

    await octokit.graphql(
      'mutation Note($id: ID!) { addComment(input: {subjectId: $id, body: "x"}) { clientMutationId } }',
      {
        id: "I_1",
      },
    );
    expect(writes()).toBe(1);
    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
      owner: "acme",
      repo: "svc",
      issue_number: 1,
      labels: ["incident"],
    });
    expect(writes()).toBe(2);
    expect(api.isDone()).toBe(true);
  });
});

describe("isGraphqlRead", () => {
  const graphql = (query: string) => ({ method: "POST", url: "/graphql", query });
  it("tells queries from documents that hold a mutation", () => {
    expect(isGraphqlRead(graphql("query A { viewer { login } }"))).toBe(true);
    expect(isGraphqlRead(graphql("{ viewer { login } }"))).toBe(true);
    expect(isGraphqlRead(graphql("fragment F on User { login } query A { viewer { ...F } }"))).toBe(true);
    expect(isGraphqlRead(graphql("mutation M { a: addComment(input: {}) { clientMutationId } }"))).toBe(
      false,
    );
    expect(isGraphqlRead(graphql("fragment F on User { login }\nmutation M { x }"))).toBe(false);
    expect(isGraphqlRead(graphql("# a query\nmutation M { x }"))).toBe(false);
    expect(isGraphqlRead({ method: "GET", url: "/graphql", query: "{ a }" })).toBe(false);
    expect(isGraphqlRead({ method: "POST", url: "/repos/a/b/issues" })).toBe(false);
  });
});
