import { botOctokit, githubSchema, type Simulator } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batchDocument, batchVariables } from "../../src/github/batch-document.js";
import { type BatchStep, batchSteps } from "../../src/github/batch-steps.js";
import type { IssueHistory } from "../../src/kernel/history.js";
import type { Plan, Write } from "../../src/kernel/plan.js";
import { at, seededSimulator } from "./contract-world.js";

/**
 * Code writes in the executor's document: a freeze check created then updated, a
 * branch, a signed commit on it and a pull request in one request, checked against
 * GitHub's schema and run by the simulator as GitHub runs them; a commit that expects
 * a stale head fails as on GitHub (the other aliases still run).
 */
const repo = { owner: "acme", repo: "svc" };
let sim: Simulator;
let bot: Octokit;
let head: string;
let history: IssueHistory;
const target = { ...repo, number: 1, issueId: "" };
const fail = { key: "k", marker: "<!-- m -->", what: "Could not" };

beforeAll(async () => {
  sim = await seededSimulator();
  bot = await botOctokit(sim);
  const { data: ref } = await bot.rest.git.getRef({ ...repo, ref: "heads/main" });
  head = ref.object.sha;
  const { data: node } = await bot.rest.repos.get(repo);
  const carl = (await sim.as("carl").rest.users.getByUsername({ username: "carl" })).data.node_id;
  history = {
    repo: { id: node.node_id, nameWithOwner: "acme/svc", labels: [] },
    issue: { assignees: [] },
    code: { branches: null, openPulls: [] },
    accountIds: { carl },
  } as unknown as IssueHistory;
});
afterAll(() => sim.close());

function steps(plan: Plan): BatchStep[] {
  return plan.flatMap((write) => batchSteps(write, target, history, plan) ?? []);
}

async function run(plan: Plan) {
  const all = steps(plan);
  const document = batchDocument(all, null);
  expect(validate(githubSchema(), parse(document)).map((e) => e.message)).toEqual([]);
  return bot
    .graphql<Record<string, unknown>>(document, batchVariables(all))
    .then((data) => ({ data, errors: [] as Array<{ path?: string[]; type?: string; message?: string }> }))
    .catch(
      (error: {
        data: Record<string, unknown>;
        errors: Array<{ path?: string[]; type?: string; message?: string }>;
      }) => error,
    );
}

const review = (branch: string, expected: string | null): Plan => [
  ...(expected === null
    ? []
    : [{ kind: "create-branch", branch, from: { sha: expected }, reply: null, failure: fail } as Write]),
  {
    kind: "put-file",
    branch,
    path: `docs/${branch}.md`,
    content: "# Review\n",
    sha: null,
    message: "Post-incident review\n\nwith a body",
    reply: null,
    failure: fail,
  },
  {
    kind: "create-pull",
    head: branch,
    base: "main",
    title: "Review",
    body: "b",
    reviewers: [],
    teamReviewers: [],
    reply: null,
    failure: fail,
  },
];

describe("code writes in one document", () => {
  it("creates a branch, commits on it and opens the pull request in one request", async () => {
    const mark = sim.log.length;
    const { data, errors } = await run(review("pir/one", head));
    expect(errors).toEqual([]);
    expect(sim.log.slice(mark).length).toBe(1);
    expect(at(data, "w2.pullRequest.number")).toEqual(expect.any(Number));
    const { data: file } = await bot.rest.repos.getContent({
      ...repo,
      path: "docs/pir/one.md",
      ref: "pir/one",
    });
    expect(Buffer.from((file as { content: string }).content, "base64").toString()).toBe("# Review\n");
    const { data: ref } = await bot.rest.git.getRef({ ...repo, ref: "heads/pir/one" });
    const { data: commit } = await bot.rest.git.getCommit({ ...repo, commit_sha: ref.object.sha });
    expect(commit.message).toBe("Post-incident review\n\nwith a body");
    expect(commit.parents.map((parent) => parent.sha)).toEqual([head]);
    // The review request names the pull request the document answered.
    const request: BatchStep = {
      write: review("pir/one", null)[1] as Write,
      field: "requestReviews",
      inputType: "RequestReviewsInput",
      input: {
        pullRequestId: at(data, "w2.pullRequest.id"),
        userIds: [history.accountIds?.carl],
        union: true,
      },
      returns: null,
      legacy: "RequestReviews",
    };
    await bot.graphql(batchDocument([request], null), batchVariables([request]));
    const { data: pull } = await bot.rest.pulls.get({
      ...repo,
      pull_number: Number(at(data, "w2.pullRequest.number")),
    });
    expect(pull.requested_reviewers?.map((user) => user.login)).toEqual(["carl"]);
  });

  it("refuses a commit whose expected head is stale, as GitHub does; the pull request alias then fails too", async () => {
    await bot.rest.git.createRef({ ...repo, ref: "refs/heads/pir/two", sha: head });
    history.code.branches = { hotfix: null, pir: { name: "pir/two", oid: "0".repeat(40) } };
    const { data, errors } = await run(review("pir/two", null));
    expect(data.w0).toBeNull();
    expect(errors.map((error) => [error.path, error.type])).toEqual([
      [["w0"], "STALE_DATA"],
      [["w1"], "UNPROCESSABLE"],
    ]);
    expect(errors[0]?.message).toMatch(/Expected branch to point to "0{40}" but it did not/);
    history.code.branches = null;
  });

  it("creates the freeze check, then updates it by its node id", async () => {
    const check = (
      conclusion: "failure" | "success",
      checkRun: { id: number; nodeId: string } | null,
    ): Write => ({
      kind: "set-check",
      pr: 1,
      headSha: head,
      checkRun,
      check: { conclusion, title: conclusion, summary: "s", detailsUrl: "https://example.com" },
      failure: fail,
    });
    const { data: created } = await run([check("failure", null)]);
    expect(created.w0).toEqual({ clientMutationId: null });
    const { data: runs } = await bot.rest.checks.listForRef({
      ...repo,
      ref: head,
      check_name: "incident-freeze",
    });
    const [made] = runs.check_runs;
    expect([made?.conclusion, made?.output.title]).toEqual(["failure", "failure"]);
    await run([check("success", { id: made?.id ?? 0, nodeId: made?.node_id ?? "" })]);
    const { data: after } = await bot.rest.checks.listForRef({
      ...repo,
      ref: head,
      check_name: "incident-freeze",
    });
    expect(after.check_runs.map((r) => [r.id, r.conclusion, r.output.title])).toEqual([
      [made?.id, "success", "success"],
    ]);
  });
});
