import { botOctokit, type Simulator } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/schema.js";
import { INCIDENT_HISTORY_QUERY } from "../../src/github/queries.js";
import { historyVariables } from "../../src/github/read-history.js";
import { at, listAt, seededSimulator } from "./contract-world.js";

/**
 * `Commit.file(path:)` and a merged review pull request in the history read: the review
 * file as merged (even after its branch is deleted and the file changed on main), and
 * the pull request's comments.
 */
const repo = { owner: "acme", repo: "svc" };
const path = "docs/incidents/INC-20260203-001.md";
const content = (text: string) => Buffer.from(text).toString("base64");
let sim: Simulator;
let bot: Octokit;
let incident: number;
let review: number;

beforeAll(async () => {
  sim = await seededSimulator();
  bot = await botOctokit(sim);
  const carl = sim.as("carl");
  const { data: main } = await carl.rest.git.getRef({ ...repo, ref: "heads/main" });
  await carl.rest.git.createRef({ ...repo, ref: "refs/heads/pir/inc-20260203-001", sha: main.object.sha });
  await carl.rest.repos.createOrUpdateFileContents({
    ...repo,
    path,
    branch: "pir/inc-20260203-001",
    message: "Review",
    content: content("# Review as merged\n"),
  });
  review = (
    await carl.rest.pulls.create({ ...repo, title: "Review", head: "pir/inc-20260203-001", base: "main" })
  ).data.number;
  await carl.rest.issues.createComment({ ...repo, issue_number: review, body: "Looks good" });
  await carl.rest.pulls.merge({ ...repo, pull_number: review });
  await carl.rest.git.deleteRef({ ...repo, ref: "heads/pir/inc-20260203-001" });
  const { data: merged } = await carl.rest.repos.getContent({ ...repo, path });
  await carl.rest.repos.createOrUpdateFileContents({
    ...repo,
    path,
    message: "Edited after the merge",
    content: content("# Edited later\n"),
    sha: (merged as { sha: string }).sha,
  });
  const { data: issue } = await sim.as("alice").rest.issues.create({
    ...repo,
    title: "[INC-20260203-001] Search down",
    labels: ["incident"],
  });
  incident = issue.number;
});
afterAll(() => sim.close());

describe("a merged review in the history read", () => {
  it("reads the file at the merge commit and the pull request's comments", async () => {
    const variables = historyVariables(ConfigSchema.parse({}), sim.clock.now(), {
      withRecent: false,
      id: "INC-20260203-001",
    });
    const data = await bot.graphql(INCIDENT_HISTORY_QUERY, { ...repo, number: incident, ...variables });
    expect(at(data, "repository.pirFile")).toBeNull();
    const [pull] = listAt(data, "repository.pirPulls.nodes");
    expect(at(pull, "state")).toBe("MERGED");
    expect(at(pull, "mergeCommit.reviewFile.object")).toEqual({
      __typename: "Blob",
      text: "# Review as merged\n",
    });
    expect(listAt(pull, "comments.nodes")).toEqual([
      { author: { __typename: "User", login: "carl" }, body: "Looks good" },
    ]);
  });

  it("Commit.file names files and folders, and is null for what the commit lacks", async () => {
    const query = `query CommitFile($owner: String!, $repo: String!, $path: String!) {
      repository(owner: $owner, name: $repo) { object(expression: "main") { ... on Commit {
        file(path: $path) { name path type object { __typename } }
      } } }
    }`;
    const file = async (p: string) =>
      at(await bot.graphql(query, { ...repo, path: p }), "repository.object.file");
    expect(await file(path)).toEqual({
      name: "INC-20260203-001.md",
      path,
      type: "blob",
      object: { __typename: "Blob" },
    });
    expect(await file("docs/incidents")).toMatchObject({ name: "incidents", type: "tree" });
    expect(await file("docs/nothing.md")).toBeNull();
  });
});
