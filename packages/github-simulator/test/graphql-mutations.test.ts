import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botOctokit } from "../src/bot-octokit.js";
import type { Simulator } from "../src/simulator.js";
import { at, rawRequest, seededSimulator, textAt } from "./support.js";

const ISSUE_SELECTION = `id number title state labels(first: 10) { nodes { name } } assignees(first: 10) { nodes { login } }`;
let sim: Simulator;
let bot: Octokit;
let repoId: string;
let labelId: string;
let aliceId: string;

beforeAll(async () => {
  sim = await seededSimulator();
  bot = await botOctokit(sim);
  await sim.as("carl").rest.issues.createLabel({ owner: "acme", repo: "svc", name: "incident" });
  const ids =
    await bot.graphql(`{ repository(owner: "acme", name: "svc") { id label(name: "incident") { id } }
    user(login: "alice") { id } }`);
  repoId = textAt(ids, "repository.id");
  labelId = textAt(ids, "repository.label.id");
  aliceId = textAt(ids, "user.id");
});
afterAll(() => sim.close());

/** The raw GraphQL response body: `{ data, errors }`, without Octokit throwing on errors. */
async function gql(
  octokit: Octokit,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<unknown> {
  const res = await octokit.request("POST /graphql", { query, variables });
  return res.data;
}

describe("issue mutations", () => {
  it("createIssue, add/remove labels and assignees, deleteIssueComment", async () => {
    const created = await bot.graphql(
      `mutation($repositoryId: ID!, $labelIds: [ID!]) { createIssue(input: { repositoryId: $repositoryId, title: "Disk full", body: "b", labelIds: $labelIds }) { issue { ${ISSUE_SELECTION} } } }`,
      { repositoryId: repoId, labelIds: [labelId] },
    );
    const issue = at(created, "createIssue.issue");
    const id = textAt(issue, "id");
    expect(issue).toMatchObject({
      title: "Disk full",
      state: "OPEN",
      labels: { nodes: [{ name: "incident" }] },
    });
    const assigned = await bot.graphql(
      `mutation($id: ID!, $who: [ID!]!) { addAssigneesToAssignable(input: { assignableId: $id, assigneeIds: $who }) { assignable { ... on Issue { ${ISSUE_SELECTION} } } } }`,
      { id, who: [aliceId] },
    );
    expect(at(assigned, "addAssigneesToAssignable.assignable.assignees.nodes")).toEqual([{ login: "alice" }]);
    const unassigned = await bot.graphql(
      `mutation($id: ID!, $who: [ID!]!) { removeAssigneesFromAssignable(input: { assignableId: $id, assigneeIds: $who }) { assignable { ... on Issue { ${ISSUE_SELECTION} } } } }`,
      { id, who: [aliceId] },
    );
    expect(at(unassigned, "removeAssigneesFromAssignable.assignable.assignees.nodes")).toEqual([]);
    const unlabeled = await bot.graphql(
      `mutation($id: ID!, $labels: [ID!]!) { removeLabelsFromLabelable(input: { labelableId: $id, labelIds: $labels }) { labelable { ... on Issue { ${ISSUE_SELECTION} } } } }`,
      { id, labels: [labelId] },
    );
    expect(at(unlabeled, "removeLabelsFromLabelable.labelable.labels.nodes")).toEqual([]);
    const labeled = await bot.graphql(
      `mutation($id: ID!, $labels: [ID!]!) { addLabelsToLabelable(input: { labelableId: $id, labelIds: $labels }) { labelable { ... on Issue { ${ISSUE_SELECTION} } } } }`,
      { id, labels: [labelId] },
    );
    expect(at(labeled, "addLabelsToLabelable.labelable.labels.nodes")).toEqual([{ name: "incident" }]);
    const comment = await bot.graphql(
      `mutation($id: ID!) { addComment(input: { subjectId: $id, body: "bye" }) { commentEdge { node { id } } } }`,
      { id },
    );
    const deleted = await bot.graphql(
      `mutation($id: ID!) { deleteIssueComment(input: { id: $id, clientMutationId: "x" }) { clientMutationId } }`,
      { id: textAt(comment, "addComment.commentEdge.node.id") },
    );
    expect(at(deleted, "deleteIssueComment.clientMutationId")).toBe("x");
    const { data } = await sim
      .as("alice")
      .rest.issues.listComments({ owner: "acme", repo: "svc", issue_number: Number(at(issue, "number")) });
    expect(data).toEqual([]);
  });

  it("refuses label changes from people without triage access (FORBIDDEN)", async () => {
    const { data: issue } = await sim
      .as("rita")
      .rest.issues.create({ owner: "acme", repo: "svc", title: "x" });
    const res = await gql(
      sim.as("rita"),
      `mutation($id: ID!, $labels: [ID!]!) { addLabelsToLabelable(input: { labelableId: $id, labelIds: $labels }) { clientMutationId } }`,
      { id: issue.node_id, labels: [labelId] },
    );
    expect(at(res, "data")).toEqual({ addLabelsToLabelable: null });
    expect(at(res, "errors.0")).toMatchObject({ type: "FORBIDDEN", path: ["addLabelsToLabelable"] });
  });
});

describe("GraphQL errors in GitHub's shape", () => {
  it("NOT_FOUND for a missing repository, issue or node, with data", async () => {
    const res = await gql(
      sim.as("alice"),
      `query { repository(owner: "acme", name: "nope") { id } node(id: "I_999999") { id } svc: repository(owner: "acme", name: "svc") { issue(number: 999) { id } } }`,
    );
    expect(at(res, "data")).toEqual({ repository: null, node: null, svc: { issue: null } });
    expect(at(res, "errors")).toEqual([
      expect.objectContaining({
        type: "NOT_FOUND",
        path: ["repository"],
        locations: [expect.objectContaining({ line: 1 })],
        message: "Could not resolve to a Repository with the name 'acme/nope'.",
      }),
      expect.objectContaining({ type: "NOT_FOUND", path: ["node"] }),
      expect.objectContaining({ type: "NOT_FOUND", path: ["svc", "issue"] }),
    ]);
  });

  it("fails loudly for fields without a resolver", async () => {
    const res = await gql(
      sim.as("alice"),
      `{ repository(owner: "acme", name: "svc") { id stargazerCount } }`,
    );
    expect(at(res, "errors.0.message")).toBe("simulator: Repository.stargazerCount is not implemented");
  });

  it("rejects documents the schema does not accept, without data", async () => {
    const res = await gql(sim.as("alice"), `{ repository(owner: "acme", name: "svc") { nonsense } }`);
    expect(res).not.toHaveProperty("data");
    expect(textAt(res, "errors.0.message")).toMatch(/Cannot query field "nonsense"/);
  });

  it("requires first or last on connections, at most 100", async () => {
    const missing = await gql(
      sim.as("alice"),
      `{ repository(owner: "acme", name: "svc") { labels { totalCount } } }`,
    );
    expect(at(missing, "errors.0.type")).toBe("MISSING_PAGINATION_BOUNDARIES");
    const excessive = await gql(
      sim.as("alice"),
      `{ repository(owner: "acme", name: "svc") { labels(first: 101) { totalCount } } }`,
    );
    expect(at(excessive, "errors.0")).toMatchObject({ type: "EXCESSIVE_PAGINATION" });
  });

  it("is also served at /api/graphql and logs the operation name", async () => {
    const res = await rawRequest(sim, "POST", "/api/graphql", {
      body: { query: "query Who { viewer { login } }" },
    });
    expect(res.body).toEqual({ data: { viewer: { login: "alice" } } });
    expect(sim.log.at(-1)).toMatchObject({ graphql: "Who", path: "/api/graphql", actor: "alice" });
  });
});

describe("a comment's edit history", () => {
  it("lists nothing until the first edit, then each edit and the original, newest first", async () => {
    const { data: issue } = await sim
      .as("alice")
      .rest.issues.create({ owner: "acme", repo: "svc", title: "Edits" });
    const { data: made } = await sim
      .as("alice")
      .rest.issues.createComment({ owner: "acme", repo: "svc", issue_number: issue.number, body: "one" });
    const read = async () =>
      at(
        await bot.graphql(
          `query($id: ID!) { node(id: $id) { ... on IssueComment { includesCreatedEdit
            userContentEdits(first: 5) { totalCount nodes { editor { login } } } } } }`,
          { id: made.node_id },
        ),
        "node",
      );
    expect(await read()).toEqual({
      includesCreatedEdit: false,
      userContentEdits: { totalCount: 0, nodes: [] },
    });
    const edit = (body: string, who: string) =>
      sim.as(who).rest.issues.updateComment({ owner: "acme", repo: "svc", comment_id: made.id, body });
    await edit("two", "alice");
    // The same text again is no edit.
    await edit("two", "alice");
    await edit("three", "carl");
    expect(await read()).toEqual({
      includesCreatedEdit: true,
      userContentEdits: {
        totalCount: 3,
        nodes: [
          { editor: { login: "carl" } },
          { editor: { login: "alice" } },
          { editor: { login: "alice" } },
        ],
      },
    });
  });
});
