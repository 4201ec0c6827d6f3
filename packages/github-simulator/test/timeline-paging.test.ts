import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../src/simulator.js";
import { at, listAt, seededSimulator, textAt } from "./support.js";

const repo = { owner: "acme", repo: "svc" };
const PAGE = `query($owner: String!, $repo: String!, $number: Int!, $after: String, $types: [IssueTimelineItemsItemType!], $first: Int, $last: Int) {
  repository(owner: $owner, name: $repo) { issue(number: $number) {
    timelineItems(first: $first, last: $last, after: $after, itemTypes: $types) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { __typename ... on IssueComment { id body } ... on LabeledEvent { id label { name } } ... on UnlabeledEvent { id } }
    } } } }`;

let sim: Simulator;
let number: number;

/** 250 items: per round a comment, a label and an unlabel event (the last round a comment only). */
beforeAll(async () => {
  sim = await seededSimulator();
  const carl = sim.as("carl");
  const { data: issue } = await carl.rest.issues.create({ ...repo, title: "long incident" });
  number = issue.number;
  for (let i = 0; i < 84; i++) {
    await carl.rest.issues.createComment({ ...repo, issue_number: number, body: `c${i}` });
    if (i === 83) break;
    await carl.rest.issues.addLabels({ ...repo, issue_number: number, labels: [`l${i}`] });
    await carl.rest.issues.removeLabel({ ...repo, issue_number: number, name: `l${i}` });
  }
});
afterAll(() => sim.close());

async function page(vars: Record<string, unknown>): Promise<unknown> {
  const r = await sim.as("alice").graphql(PAGE, { ...repo, number, first: 100, ...vars });
  return at(r, "repository.issue.timelineItems");
}

describe("timelineItems paging", () => {
  it("pages through 250 items in order with opaque cursors", async () => {
    const seen: unknown[] = [];
    const pages: unknown[] = [];
    let after: string | null = null;
    do {
      const p = await page({ after });
      pages.push(p);
      seen.push(...listAt(p, "nodes"));
      after = at(p, "pageInfo.hasNextPage") ? textAt(p, "pageInfo.endCursor") : null;
    } while (after);
    expect(
      pages.map((p) => [at(p, "totalCount"), listAt(p, "nodes").length, at(p, "pageInfo.hasNextPage")]),
    ).toEqual([
      [250, 100, true],
      [250, 100, true],
      [250, 50, false],
    ]);
    expect(seen[0]).toMatchObject({ __typename: "IssueComment", body: "c0" });
    expect(seen[1]).toMatchObject({ __typename: "LabeledEvent", label: { name: "l0" } });
    expect(seen[249]).toMatchObject({ __typename: "IssueComment", body: "c83" });
    expect(new Set(seen.map((n) => at(n, "id"))).size).toBe(250);
    expect(textAt(pages[0], "pageInfo.endCursor")).not.toMatch(/^\d+$/);
  });

  it("filters by itemTypes before paging", async () => {
    const labeled = await page({ types: ["LABELED_EVENT"] });
    expect(at(labeled, "totalCount")).toBe(83);
    expect(listAt(labeled, "nodes").every((n) => at(n, "__typename") === "LabeledEvent")).toBe(true);
    const comments = await page({ types: ["ISSUE_COMMENT"], first: null, last: 2 });
    expect(listAt(comments, "nodes").map((n) => at(n, "body"))).toEqual(["c82", "c83"]);
  });

  it("keeps a cursor valid when items are added after it or its item is deleted", async () => {
    const first = await page({ types: ["ISSUE_COMMENT"], first: 2 });
    const cursor = textAt(first, "pageInfo.endCursor");
    const alice = sim.as("alice");
    const { data: comments } = await alice.rest.issues.listComments({
      ...repo,
      issue_number: number,
      per_page: 2,
    });
    await sim.as("carl").rest.issues.deleteComment({ ...repo, comment_id: comments[1]?.id ?? 0 });
    await alice.rest.issues.createComment({ ...repo, issue_number: number, body: "late" });
    const next = await page({ types: ["ISSUE_COMMENT"], first: 100, after: cursor });
    expect(at(next, "nodes.0.body")).toBe("c2");
    expect(at(listAt(next, "nodes").at(-1), "body")).toBe("late");
  });
});
