import { botOctokit, githubSchema, type Simulator } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { getOperationAST, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/schema.js";
import { BATCH_OPERATION, batchDocument, batchVariables } from "../../src/github/batch-document.js";
import { type BatchStep, batchSteps } from "../../src/github/batch-steps.js";
import { historyVariables } from "../../src/github/read-history.js";
import type { IssueHistory } from "../../src/kernel/history.js";
import type { Write } from "../../src/kernel/plan.js";
import { at, listAt, seededSimulator } from "./contract-world.js";

/**
 * The executor's batched document (`IncidentWrites`): every mutation it can carry,
 * checked against GitHub's schema and run by the simulator as GitHub runs one
 * document: in order, a failed alias null with an error naming it, the others done.
 */
const repo = { owner: "acme", repo: "svc" };
const variables = historyVariables(ConfigSchema.parse({}), new Date("2026-02-03T12:00:00Z"), {
  withRecent: false,
  id: null,
});
let sim: Simulator;
let bot: Octokit;
let target: { owner: string; repo: string; number: number; issueId: string };
let history: IssueHistory;
let commentId: string;

beforeAll(async () => {
  sim = await seededSimulator();
  bot = await botOctokit(sim);
  await sim.as("carl").rest.issues.createLabel({ ...repo, name: "SEV-1", color: "ff0000" });
  const { data: issue } = await sim.as("alice").rest.issues.create({ ...repo, title: "DB down" });
  const { data: comment } = await bot.rest.issues.createComment({
    ...repo,
    issue_number: issue.number,
    body: "t",
  });
  commentId = comment.node_id;
  target = { ...repo, number: issue.number, issueId: issue.node_id };
  const labels = await sim.as("alice").rest.issues.listLabelsForRepo(repo);
  history = {
    repo: {
      labels: labels.data.map((l) => ({ id: l.node_id, name: l.name, color: l.color, description: null })),
    },
    issue: { assignees: [] },
    accountIds: { carl: (await sim.as("carl").rest.users.getByUsername({ username: "carl" })).data.node_id },
  } as unknown as IssueHistory;
});
afterAll(() => sim.close());

function steps(plan: Write[]): BatchStep[] {
  return plan.flatMap((write) => batchSteps(write, target, history) ?? []);
}

const EVERY_KIND: Write[] = [
  { kind: "react", subjectId: "", content: "EYES" },
  { kind: "update-comment", purpose: "timeline", commentId: "", body: "timeline v2" },
  { kind: "update-issue", title: "[INC-1] DB down", labels: ["SEV-1"], assignees: ["carl"] },
  { kind: "add-comment", purpose: "reply", body: "noted" },
  { kind: "update-issue", state: "closed", stateReason: "completed" },
  { kind: "update-issue", state: "open", stateReason: "reopened" },
];

describe(`${BATCH_OPERATION}`, () => {
  it("only uses what GitHub's schema has, with and without the verify read", () => {
    const all = steps(EVERY_KIND.map((write) => write));
    expect(all.map((step) => step.field)).toContain("addAssigneesToAssignable");
    for (const verifyAt of [null, ...all.keys()]) {
      const document = parse(batchDocument(all, verifyAt));
      expect(getOperationAST(document)?.name?.value).toBe(BATCH_OPERATION);
      expect(validate(githubSchema(), document).map((e) => e.message)).toEqual([]);
    }
    expect(batchSteps({ kind: "update-issue", labels: ["no such label"] }, target, history)).toBeNull();
    expect(batchSteps({ kind: "update-issue", assignees: ["bob"] }, target, history)).toBeNull();
  });

  it("runs every mutation in order in one request and returns the history on the last one", async () => {
    const plan: Write[] = [
      { kind: "react", subjectId: commentId, content: "EYES" },
      { kind: "update-comment", purpose: "timeline", commentId, body: "timeline v2" },
      { kind: "update-issue", title: "[INC-1] DB down", labels: ["SEV-1"] },
      { kind: "add-comment", purpose: "reply", body: "noted" },
    ];
    const all = steps(plan);
    const mark = sim.log.length;
    const data = await bot.graphql<Record<string, unknown>>(batchDocument(all, all.length - 1), {
      ...batchVariables(all),
      ...variables,
    });
    expect(sim.log.slice(mark).map((entry) => entry.graphql)).toEqual([BATCH_OPERATION]);
    const issue = at(data, "w3.commentEdge.node.issue");
    expect(at(issue, "title")).toBe("[INC-1] DB down");
    expect(listAt(issue, "labels.nodes").map((label) => at(label, "name"))).toEqual(["SEV-1"]);
    const bodies = listAt(issue, "timelineItems.nodes").flatMap((node) => at(node, "body") ?? []);
    expect(bodies).toEqual(["timeline v2", "noted"]);
  });

  it("answers a failed alias with null and an error naming it; the others take effect", async () => {
    const plan: Write[] = [
      { kind: "update-comment", purpose: "timeline", commentId: "IC_missing", body: "lost" },
      { kind: "add-comment", purpose: "reply", body: "still posted" },
    ];
    const all = steps(plan);
    const failure = await bot
      .graphql(batchDocument(all, null), batchVariables(all))
      .then(() => null)
      .catch((error: { data?: unknown; errors?: Array<{ path?: string[]; type?: string }> }) => error);
    expect(at(failure, "data.w0")).toBeNull();
    expect(at(failure, "data.w1.commentEdge.node.id")).toEqual(expect.any(String));
    expect(failure?.errors?.map((error) => error.path)).toEqual([["w0"]]);
  });
});
