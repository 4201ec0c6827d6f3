import { botOctokit, type Simulator } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/schema.js";
import {
  DEPLOYED_COMMITS_QUERY,
  INCIDENT_HISTORY_QUERY,
  OPEN_INCIDENTS_QUERY,
  PULL_REQUEST_CONTEXT_QUERY,
  RESOLVE_REF_QUERY,
  REVERT_PULL_REQUEST_MUTATION,
  REVERT_TARGET_QUERY,
} from "../../src/github/queries.js";
import { historyVariables } from "../../src/github/read-history.js";
import { at, listAt, seededSimulator, textAt } from "./contract-world.js";

/** The app's code-response documents executed against the simulator. */
const repo = { owner: "acme", repo: "svc" };
const content = (text: string) => Buffer.from(text).toString("base64");
let sim: Simulator;
let bot: Octokit;
let incident: number;
let merged: number;
let open: number;

async function branchWith(who: string, branch: string, path: string, text: string) {
  const person = sim.as(who);
  const { data } = await person.rest.git.getRef({ ...repo, ref: "heads/main" });
  await person.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: data.object.sha });
  await person.rest.repos.createOrUpdateFileContents({
    ...repo,
    path,
    branch,
    message: path,
    content: content(text),
  });
}

beforeAll(async () => {
  sim = await seededSimulator();
  bot = await botOctokit(sim);
  const carl = sim.as("carl");
  await branchWith("carl", "tune", "src/scoring.ts", "v2\n");
  merged = (await carl.rest.pulls.create({ ...repo, title: "Tune", head: "tune", base: "main" })).data.number;
  await carl.rest.pulls.merge({ ...repo, pull_number: merged });
  await branchWith("carl", "docs", "README.md", "docs\n");
  open = (await carl.rest.pulls.create({ ...repo, title: "Docs", head: "docs", base: "main" })).data.number;
  const { data: deployment } = await carl.rest.repos.createDeployment({
    ...repo,
    ref: "main",
    environment: "production",
  });
  await carl.rest.repos.createDeploymentStatus({
    ...repo,
    deployment_id: (deployment as { id: number }).id,
    state: "success",
  });
  const { data: issue } = await sim.as("alice").rest.issues.create({
    ...repo,
    title: "[INC-20260203-001] Search down",
    labels: ["incident", "incident: freeze"],
  });
  incident = issue.number;
});
afterAll(() => sim.close());

describe("code response documents", () => {
  it("IncidentHistory reads deployments, open pulls, freezing incidents, branches and suspects", async () => {
    const variables = historyVariables(ConfigSchema.parse({}), sim.clock.now(), {
      withRecent: true,
      id: "INC-20260203-001",
    });
    const data = await bot.graphql(INCIDENT_HISTORY_QUERY, { ...repo, number: incident, ...variables });
    expect(listAt(data, "repository.deployments.nodes").map((d) => at(d, "statuses.nodes.0.state"))).toEqual([
      "SUCCESS",
    ]);
    expect(listAt(data, "repository.openPulls.nodes").map((p) => at(p, "number"))).toEqual([open]);
    expect(listAt(data, "repository.freezing.nodes").map((i) => at(i, "number"))).toEqual([incident]);
    expect(at(data, "repository.hotfixRef")).toBeNull();
    expect(listAt(data, "repository.mergedPulls.nodes").map((p) => listAt(p, "files.nodes"))).toEqual([
      [{ path: "src/scoring.ts" }],
    ]);
    expect(textAt(data, "repository.defaultBranchRef.target.oid")).toMatch(/^[0-9a-f]{40}$/);
  });

  it("ResolveRef resolves branches and shas, and says null for unknown names", async () => {
    const main = await bot.graphql(RESOLVE_REF_QUERY, { ...repo, expression: "main" });
    expect(at(main, "repository.object.__typename")).toBe("Commit");
    const sha = textAt(main, "repository.object.oid");
    expect(
      at(
        await bot.graphql(RESOLVE_REF_QUERY, { ...repo, expression: sha.slice(0, 7) }),
        "repository.object.oid",
      ),
    ).toBe(sha);
    expect(
      at(await bot.graphql(RESOLVE_REF_QUERY, { ...repo, expression: "nope" }), "repository.object"),
    ).toBeNull();
  });

  it("RevertTarget and RevertPullRequest open a revert of a merged pull request", async () => {
    const target = await bot.graphql(REVERT_TARGET_QUERY, { ...repo, number: merged });
    expect(at(target, "repository.issueOrPullRequest")).toMatchObject({
      __typename: "PullRequest",
      merged: true,
    });
    const id = textAt(target, "repository.issueOrPullRequest.id");
    const body = `Reverts #${merged} for #${incident}`;
    const reverted = await bot.graphql(REVERT_PULL_REQUEST_MUTATION, {
      pullRequestId: id,
      title: null,
      body,
    });
    const number = at(reverted, "revertPullRequest.revertPullRequest.number") as number;
    const { data: pull } = await bot.rest.pulls.get({ ...repo, pull_number: number });
    expect(pull).toMatchObject({ title: 'Revert "Tune"', head: { ref: `revert-${merged}-tune` }, body });
    const { data: file } = await bot.rest.repos
      .getContent({ ...repo, path: "src/scoring.ts", ref: pull.head.ref })
      .catch((e) => ({ data: e.status }));
    expect(file).toBe(404);
    // The revert mentions the incident, so GitHub cross-references it on the incident.
    const variables = historyVariables(ConfigSchema.parse({}), sim.clock.now(), {
      withRecent: false,
      id: "INC-20260203-001",
    });
    const history = await bot.graphql(INCIDENT_HISTORY_QUERY, { ...repo, number: incident, ...variables });
    const items = listAt(history, "repository.issue.timelineItems.nodes");
    expect(
      items
        .filter((item) => at(item, "__typename") === "CrossReferencedEvent")
        .map((item) => at(item, "source.number")),
    ).toEqual([number]);
  });

  it("DeployedCommits lists deployments with statuses and payloads; the app's own deployment goes through REST", async () => {
    const { data } = await bot.rest.repos.createDeployment({
      ...repo,
      ref: "main",
      environment: "production",
      auto_merge: false,
      required_contexts: [],
      payload: { incident: { repository: "acme/svc", number: incident, id: "INC-20260203-001", url: "u" } },
    });
    const read = await bot.graphql(DEPLOYED_COMMITS_QUERY, { ...repo, environment: "production" });
    expect(at(read, "repository.isArchived")).toBe(false);
    const nodes = listAt(read, "repository.deployments.nodes");
    expect(nodes.map((node) => at(node, "statuses.nodes.0.state") ?? null)).toEqual(["SUCCESS", null]);
    const mine = nodes.at(-1);
    expect(at(mine, "databaseId")).toBe((data as { id: number }).id);
    expect(at(mine, "creator.__typename")).toBe("Bot");
    expect(JSON.parse(textAt(mine, "payload"))).toMatchObject({ incident: { number: incident } });
  });

  it("a deployment verifies the commit's checks unless required_contexts is empty, as GitHub does", async () => {
    const { data: main } = await bot.rest.git.getRef({ ...repo, ref: "heads/main" });
    await bot.rest.checks.create({
      ...repo,
      name: "ci",
      head_sha: main.object.sha,
      status: "completed",
      conclusion: "failure",
    });
    await expect(
      bot.rest.repos.createDeployment({ ...repo, ref: "main", environment: "staging" }),
    ).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("Commit status checks failed for main"),
    });
    await expect(
      bot.rest.repos.createDeployment({
        ...repo,
        ref: "main",
        environment: "staging",
        required_contexts: ["ci"],
      }),
    ).rejects.toMatchObject({ status: 409 });
    const { status } = await bot.rest.repos.createDeployment({
      ...repo,
      ref: "main",
      environment: "staging",
      required_contexts: [],
    });
    expect(status).toBe(201);
  });

  it("RevertPullRequest refuses an unmerged pull request", async () => {
    const target = await bot.graphql(REVERT_TARGET_QUERY, { ...repo, number: open });
    const id = textAt(target, "repository.issueOrPullRequest.id");
    await expect(
      bot.graphql(REVERT_PULL_REQUEST_MUTATION, { pullRequestId: id, title: null, body: "x" }),
    ).rejects.toThrow(/not been merged/);
  });

  it("PullRequestContext reads freezing incidents, incidents, the pull request and its checks", async () => {
    const data = await bot.graphql(PULL_REQUEST_CONTEXT_QUERY, {
      ...repo,
      number: open,
      incidentLabel: "incident",
      freezeLabel: "incident: freeze",
      configExpression: "HEAD:.github/incident.yml",
      // No incidents repository elsewhere: the aliased read is skipped.
      withIncidents: false,
      incidentsOwner: "-",
      incidentsName: "-",
    });
    expect(listAt(data, "repository.incidents.nodes").map((i) => at(i, "number"))).toEqual([incident]);
    expect(at(data, "repository.pullRequest")).toMatchObject({
      number: open,
      state: "OPEN",
      baseRefName: "main",
    });
  });

  it("OpenIncidents lists open incidents", async () => {
    const data = await bot.graphql(OPEN_INCIDENTS_QUERY, { ...repo, incidentLabel: "incident" });
    expect(listAt(data, "repository.incidents.nodes")).toEqual([
      { number: incident, title: "[INC-20260203-001] Search down" },
    ]);
  });
});
