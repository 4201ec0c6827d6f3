import { validate } from "@octokit/graphql-schema";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botOctokit } from "../src/bot-octokit.js";
import { parseSearch } from "../src/graphql/search-view.js";
import type { Simulator } from "../src/simulator.js";
import { at, listAt, seededSimulator } from "./support.js";

/**
 * GraphQL `search(type: ISSUE)` with the qualifiers GitHub documents: what the app's
 * `/incidents` relies on (is:open, is:issue, label: quoted or not, org:/user:), seen
 * only where the viewer may read.
 */
let sim: Simulator;
let app: Octokit;

const SEARCH = /* GraphQL */ `
  query Search($q: String!, $after: String) {
    search(type: ISSUE, query: $q, first: 2, after: $after) {
      issueCount
      pageInfo { hasNextPage endCursor }
      nodes { __typename ... on Issue { number repository { nameWithOwner } } ... on PullRequest { number } }
    }
  }
`;

beforeAll(async () => {
  sim = await seededSimulator();
  sim.createRepo({ owner: "acme", name: "api", private: true });
  sim.createRepo({ owner: "acme", name: "hidden", private: true });
  sim.createRepo({ owner: "acme", name: "public-docs" });
  sim.createUser("dana");
  sim.createRepo({ owner: "dana", name: "notes" });
  await sim.installApp("acme", ["svc", "api"]);
  app = await botOctokit(sim);
  const alice = sim.as("alice");
  const file = async (repo: string, title: string, labels: string[], owner = "acme") =>
    (await sim.as(owner === "acme" ? "alice" : "dana").rest.issues.create({ owner, repo, title, labels }))
      .data.number;
  await file("svc", "Checkout down", ["sev incident"]);
  const closed = await file("svc", "Old outage", ["sev incident"]);
  await alice.rest.issues.update({ owner: "acme", repo: "svc", issue_number: closed, state: "closed" });
  await file("svc", "Not an incident", ["bug"]);
  await file("api", "Payments slow", ["sev incident"]);
  await file("hidden", "Secret outage", ["sev incident"]);
  await file("public-docs", "Docs outage", ["sev incident"]);
  await file("notes", "Dana's outage", ["sev incident"], "dana");
});
afterAll(() => sim.close());

async function found(q: string): Promise<{ count: number; names: string[]; pages: number }> {
  const names: string[] = [];
  let after: string | null = null;
  let pages = 0;
  let count = 0;
  do {
    const data: unknown = await app.graphql(SEARCH, { q, after });
    pages++;
    count = at(data, "search.issueCount") as number;
    for (const node of listAt(data, "search.nodes") as Array<{
      number: number;
      repository: { nameWithOwner: string };
    }>)
      names.push(`${node.repository.nameWithOwner}#${node.number}`);
    after = (at(data, "search.pageInfo.hasNextPage") as boolean)
      ? (at(data, "search.pageInfo.endCursor") as string)
      : null;
  } while (after);
  return { count, names, pages };
}

describe("search(type: ISSUE)", () => {
  it("is a document GitHub's schema accepts", () => {
    expect(validate(SEARCH)).toEqual([]);
  });

  it("honours is:open, is:issue, a quoted label and org:, newest first, in pages", async () => {
    const result = await found('is:open is:issue label:"sev incident" org:acme');
    // acme/hidden is private and not installed: the app cannot see it. acme/public-docs is public.
    expect(result.names).toEqual(["acme/public-docs#1", "acme/api#1", "acme/svc#1"]);
    expect(result.count).toBe(3);
    expect(result.pages).toBe(2);
  });

  it("scopes by user: and repo:, and reads closed issues only when asked", async () => {
    expect((await found('label:"sev incident" user:dana')).names).toEqual(["dana/notes#1"]);
    expect((await found('is:closed label:"sev incident" repo:acme/svc')).names).toEqual(["acme/svc#2"]);
    expect((await found("is:open outage org:acme")).names).toEqual(["acme/public-docs#1"]);
  });

  it("reads qualifiers the way GitHub writes them, and refuses what it does not model", () => {
    expect(parseSearch('is:open label:"sev incident" label:p1 org:Acme text')).toEqual({
      state: "open",
      kind: null,
      labels: ["sev incident", "p1"],
      repos: [],
      owners: ["acme"],
      words: ["text"],
    });
    expect(() => parseSearch("-label:bug")).toThrow(/negated/);
    expect(() => parseSearch("x".repeat(257))).toThrow(/256/);
  });
});
