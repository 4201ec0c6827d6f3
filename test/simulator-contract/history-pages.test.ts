import { botOctokit, githubSchema, type Simulator } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphqlClient } from "../../src/github/client.js";
import { HISTORY_PAGE_QUERY, historyPagesQuery, ISSUE_FIELDS } from "../../src/github/queries.js";
import { sweepHistoryPagesQuery } from "../../src/github/queries-sweep.js";
import type { RawPage } from "../../src/github/raw-history.js";
import { laterItems, laterItemsOfMany } from "../../src/github/read-history-pages.js";
import { at, seededSimulator } from "./contract-world.js";

/**
 * `IncidentHistoryPages`: every later page of a long history in one request, the
 * pages joined by the one item each shares with the one before. Against the
 * simulator, the items come out exactly as paging one page a request gives them.
 */
const repo = { owner: "acme", repo: "svc" };
const FIRST_PAGE = `query($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) { issue(number: $number) { ${ISSUE_FIELDS} } } }`;

let sim: Simulator;
let bot: Octokit;
let issueId: string;
let first: RawPage;

/** 451 comments and label events. */
beforeAll(async () => {
  sim = await seededSimulator();
  bot = await botOctokit(sim);
  const carl = sim.as("carl");
  const { data: issue } = await carl.rest.issues.create({ ...repo, title: "long incident" });
  issueId = issue.node_id;
  for (let i = 0; i < 150; i++) {
    await carl.rest.issues.createComment({ ...repo, issue_number: issue.number, body: `c${i}` });
    await carl.rest.issues.addLabels({ ...repo, issue_number: issue.number, labels: ["wip"] });
    await carl.rest.issues.removeLabel({ ...repo, issue_number: issue.number, name: "wip" });
  }
  await carl.rest.issues.createComment({ ...repo, issue_number: issue.number, body: "last" });
  const read = await bot.graphql(FIRST_PAGE, { ...repo, number: issue.number });
  first = at(read, "repository.issue.timelineItems") as RawPage;
});
afterAll(() => sim.close());

const client = (): GraphqlClient & { operations: string[] } => {
  const operations: string[] = [];
  return {
    operations,
    graphql: async <T>(query: string, variables: Record<string, unknown>) => {
      operations.push(/query (\w+)/.exec(query)?.[1] ?? "?");
      return (await bot.graphql(query, variables)) as T;
    },
  };
};

async function oneByOne(): Promise<unknown[]> {
  const nodes: unknown[] = [];
  let info = first.pageInfo;
  while (info.hasNextPage && info.endCursor) {
    const next = await bot.graphql(HISTORY_PAGE_QUERY, { id: issueId, after: info.endCursor });
    const page = at(next, "node.timelineItems") as RawPage;
    nodes.push(...page.nodes);
    info = page.pageInfo;
  }
  return nodes;
}

describe("IncidentHistoryPages", () => {
  it("only uses what GitHub's schema has", () => {
    for (const count of [2, 20]) {
      expect(validate(githubSchema(), parse(historyPagesQuery(count))).map((e) => e.message)).toEqual([]);
      expect(validate(githubSchema(), parse(sweepHistoryPagesQuery(count))).map((e) => e.message)).toEqual(
        [],
      );
    }
  });

  it("reads the 351 items after the first page in one request, the same items paging gives", async () => {
    expect(first.totalCount).toBe(451);
    const reader = client();
    const nodes = await laterItems(reader, issueId, first);
    expect(reader.operations).toEqual(["IncidentHistoryPages"]);
    expect(nodes).toHaveLength(351);
    expect(nodes).toEqual(await oneByOne());
  });

  it("pages on by cursor from the last page that joined up when the pages do not", async () => {
    const reader = client();
    const shuffled: GraphqlClient = {
      graphql: async <T>(query: string, variables: Record<string, unknown>) => {
        const data = (await reader.graphql(query, variables)) as { node: Record<string, RawPage> };
        // A page that does not start where the one before ended (as if `skip` were read differently).
        const second = data.node.p1;
        if (second) data.node.p1 = { ...second, nodes: second.nodes.slice(1) };
        return data as T;
      },
    };
    const nodes = await laterItems(shuffled, issueId, first);
    expect(reader.operations).toEqual([
      "IncidentHistoryPages",
      "IncidentHistoryPage",
      "IncidentHistoryPage",
      "IncidentHistoryPage",
    ]);
    expect(nodes).toEqual(await oneByOne());
  });
});

describe("SweepHistoryPages", () => {
  it("reads the rest of many long histories a page of each per request, as paging each gives it", async () => {
    const at0 = new Date("2026-02-03T10:00:00Z");
    const numbers = sim.seedIssues(
      "acme",
      "svc",
      [120, 230, 40].map((count, index) => ({
        title: `seeded ${index}`,
        author: "carl",
        at: at0,
        comments: Array.from({ length: count }, (_, k) => ({
          author: "carl",
          body: `s${index}-${k}`,
          at: at0,
        })),
      })),
    );
    const firsts = [];
    for (const number of numbers) {
      const read = await bot.graphql(FIRST_PAGE, { ...repo, number });
      firsts.push(at(read, "repository.issue") as { id: string; timelineItems: RawPage });
    }
    const reader = client();
    const later = await laterItemsOfMany(reader, firsts);
    // Round one: the next page of the two long ones; round two: the last page of the longest.
    expect(reader.operations).toEqual(["SweepHistoryPages", "SweepHistoryPages"]);
    const bodies = firsts.map((first) =>
      [...first.timelineItems.nodes, ...(later.get(first.id) ?? [])].map((node) => node?.body),
    );
    expect(bodies.map((list) => list.length)).toEqual([120, 230, 40]);
    expect(bodies[1]?.at(-1)).toBe("s1-229");
  });
});
