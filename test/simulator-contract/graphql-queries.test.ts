import { blobSha, botOctokit, type Simulator } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/schema.js";
import {
  ADD_COMMENT_MUTATION,
  ADD_REACTION_MUTATION,
  CLOSE_ISSUE_MUTATION,
  COMMIT_ON_BRANCH_MUTATION,
  DELETE_COMMENT_MUTATION,
  HISTORY_PAGE_QUERY,
  INCIDENT_HISTORY_QUERY,
  RECURRENCE_ELSEWHERE_QUERY,
  REOPEN_ISSUE_MUTATION,
  UPDATE_COMMENT_MUTATION,
  UPDATE_ISSUE_MUTATION,
} from "../../src/github/queries.js";
import { STATUS_SITE_QUERY } from "../../src/github/queries-status-site.js";
import { historyVariables } from "../../src/github/read-history.js";
import { at, listAt, seededSimulator, textAt } from "./contract-world.js";

const repo = { owner: "acme", repo: "svc" };
const historyVars = {
  ...historyVariables(ConfigSchema.parse({}), new Date("2026-02-03T12:00:00Z"), {
    withRecent: true,
    id: null,
  }),
  verify: true,
};
let sim: Simulator;
let bot: Octokit;
let issueNumber: number;
let issueId: string;
let commentId: number;

beforeAll(async () => {
  sim = await seededSimulator();
  bot = await botOctokit(sim);
  const alice = sim.as("alice");
  const { data: issue } = await alice.rest.issues.create({
    ...repo,
    title: "DB down",
    body: "help",
    labels: ["incident"],
  });
  issueNumber = issue.number;
  issueId = issue.node_id;
  sim.clock.advance(60_000);
  const { data: comment } = await alice.rest.issues.createComment({
    ...repo,
    issue_number: issueNumber,
    body: "ack",
  });
  commentId = comment.id;
  await alice.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content: "eyes" });
  const carl = sim.as("carl");
  await carl.rest.issues.addLabels({ ...repo, issue_number: issueNumber, labels: ["sev:1"] });
  await carl.rest.issues.addAssignees({ ...repo, issue_number: issueNumber, assignees: ["alice"] });
  await carl.rest.issues.update({ ...repo, issue_number: issueNumber, title: "DB down in eu-1" });
  sim.clock.advance(60_000);
  await carl.rest.issues.update({
    ...repo,
    issue_number: issueNumber,
    state: "closed",
    state_reason: "not_planned",
  });
  await carl.rest.issues.update({ ...repo, issue_number: issueNumber, state: "open" });
  await carl.rest.issues.removeAssignees({ ...repo, issue_number: issueNumber, assignees: ["alice"] });
  await carl.rest.issues.removeLabel({ ...repo, issue_number: issueNumber, name: "sev:1" });
});
afterAll(() => sim.close());

function history(octokit: Octokit, vars: Record<string, unknown> = {}): Promise<unknown> {
  return octokit.graphql(INCIDENT_HISTORY_QUERY, { ...repo, number: issueNumber, ...historyVars, ...vars });
}

/** A one-line summary of a timeline item: type, actor, and what it is about. */
function summarise(n: unknown): string {
  const detail = [
    at(n, "label.name"),
    at(n, "assignee.login"),
    at(n, "stateReason"),
    at(n, "currentTitle"),
    at(n, "body"),
  ]
    .filter((v) => typeof v === "string")
    .join("");
  return `${textAt(n, "__typename")}:${textAt(n, "actor.login") || textAt(n, "author.login")}:${detail}`;
}

describe("IncidentHistory", () => {
  it("returns the repository facts and the issue as REST left it", async () => {
    const r = at(await history(sim.as("alice")), "repository");
    expect(r).toMatchObject({ nameWithOwner: "acme/svc", defaultBranchRef: { name: "main" } });
    expect(at(r, "configFile")).toEqual({ __typename: "Blob", oid: blobSha("severities: [SEV1, SEV2]\n") });
    expect(listAt(r, "labels.nodes").map((l) => [at(l, "name"), at(l, "color")])).toEqual([
      ["incident", "ededed"],
      ["sev:1", "ededed"],
    ]);
    expect(at(r, "recentIncidents.nodes")).toEqual([
      { number: issueNumber, title: "DB down in eu-1", createdAt: "2026-02-03T14:23:00Z" },
    ]);
    expect(at(r, "issue")).toMatchObject({
      id: issueId,
      number: issueNumber,
      title: "DB down in eu-1",
      body: "help",
      state: "OPEN",
      stateReason: "REOPENED",
      closedAt: null,
      author: { __typename: "User", login: "alice" },
      authorAssociation: "MEMBER",
      assignees: { nodes: [] },
      labels: { nodes: [{ name: "incident" }] },
    });
  });

  it("returns the whole history in order, with actors, labels, reasons and titles", async () => {
    const items = at(await history(sim.as("alice")), "repository.issue.timelineItems");
    expect(at(items, "totalCount")).toBe(9);
    expect(at(items, "pageInfo.hasNextPage")).toBe(false);
    expect(listAt(items, "nodes").map(summarise)).toEqual([
      "LabeledEvent:alice:incident",
      "IssueComment:alice:ack",
      "LabeledEvent:carl:sev:1",
      "AssignedEvent:carl:alice",
      "RenamedTitleEvent:carl:DB down in eu-1",
      "ClosedEvent:carl:NOT_PLANNED",
      "ReopenedEvent:carl:",
      "UnassignedEvent:carl:alice",
      "UnlabeledEvent:carl:sev:1",
    ]);
    expect(at(items, "nodes.4.previousTitle")).toBe("DB down");
    expect(at(items, "nodes.1")).toMatchObject({
      databaseId: commentId,
      createdAt: "2026-02-03T14:24:00Z",
      lastEditedAt: null,
    });
  });

  it("flags the viewer's own reactions", async () => {
    const eyes = (r: unknown) =>
      listAt(r, "repository.issue.timelineItems.nodes.1.reactionGroups").find(
        (g) => at(g, "content") === "EYES",
      );
    expect(at(eyes(await history(sim.as("alice"))), "viewerHasReacted")).toBe(true);
    expect(at(eyes(await history(sim.as("carl"))), "viewerHasReacted")).toBe(false);
  });

  it("honours @include, the config expression and the since filter", async () => {
    const r = at(
      await history(sim.as("alice"), { withRecent: false, configExpression: "main:.github/missing.yml" }),
      "repository",
    );
    expect(at(r, "configFile")).toBeNull();
    expect(r).not.toHaveProperty("recentIncidents");
    const later = await history(sim.as("alice"), { since: "2026-02-04T00:00:00Z" });
    expect(at(later, "repository.recentIncidents.nodes")).toEqual([]);
  });

  it("reads recurrence candidates: incidents since the window and open action items", async () => {
    const vars = {
      ...repo,
      incidentLabel: "incident",
      actionItemLabel: "action-item",
      recurrenceSince: "2026-01-01T00:00:00Z",
    };
    const r = at(await sim.as("alice").graphql(RECURRENCE_ELSEWHERE_QUERY, vars), "repository");
    expect(at(r, "nameWithOwner")).toBe("acme/svc");
    expect(at(r, "pastIncidents.nodes")).toEqual([
      expect.objectContaining({ number: issueNumber, title: "DB down in eu-1", body: "help" }),
    ]);
    expect(at(r, "openActionItems.nodes")).toEqual([]);
    const r2 = at(
      await sim
        .as("alice")
        .graphql(RECURRENCE_ELSEWHERE_QUERY, { ...vars, recurrenceSince: "2027-01-01T00:00:00Z" }),
      "repository",
    );
    expect(at(r2, "pastIncidents.nodes")).toEqual([]);
  });

  it("shows the bot as a Bot whose GraphQL login has no [bot] suffix, like GitHub", async () => {
    await bot.rest.issues.createComment({ ...repo, issue_number: issueNumber, body: "from the app" });
    const last = listAt(await history(bot), "repository.issue.timelineItems.nodes").at(-1);
    expect(at(last, "author")).toEqual({ __typename: "Bot", login: "incident-bot" });
    expect(at(last, "authorAssociation")).toBe("NONE");
    expect(sim.log.at(-1)).toMatchObject({
      graphql: "IncidentHistory",
      actor: "incident-bot[bot]",
      status: 200,
    });
  });
});

describe("IncidentHistoryPage", () => {
  it("continues a history from a cursor through node(id:)", async () => {
    const first = await sim.as("alice").graphql(
      `query($owner: String!, $repo: String!, $number: Int!) { repository(owner: $owner, name: $repo) {
        issue(number: $number) { timelineItems(first: 3) { pageInfo { endCursor } } } } }`,
      { ...repo, number: issueNumber },
    );
    const after = textAt(first, "repository.issue.timelineItems.pageInfo.endCursor");
    const page = await sim.as("alice").graphql(HISTORY_PAGE_QUERY, { id: issueId, after });
    expect(at(page, "node.timelineItems.nodes.0.__typename")).toBe("AssignedEvent");
    expect(at(page, "node.timelineItems.pageInfo.hasNextPage")).toBe(false);
  });
});

describe("StatusSiteIncidents", () => {
  const siteVars = {
    ...repo,
    incidentLabel: "incident",
    since: "2026-01-01T00:00:00Z",
    after: null,
    withTemplates: true,
    indexTemplate: "HEAD:.github/incident-templates/status/index.html.hbs",
    incidentTemplate: "HEAD:.github/incident-templates/status/incident.html.hbs",
    // Any file stands in for an override here: the query reads blob text.
    feedTemplate: "HEAD:.github/incident.yml",
    // The default branch stands in for the site's: its head and a folder's blob ids.
    siteRef: "refs/heads/main",
    siteFolder: "main:.github",
  };

  it("returns the incidents with their histories and the template overrides that exist", async () => {
    const r = at(await sim.as("alice").graphql(STATUS_SITE_QUERY, siteVars), "repository");
    expect(at(r, "isPrivate")).toBe(false);
    expect(at(r, "indexTemplate")).toBeNull();
    expect(at(r, "feedTemplate")).toEqual({ __typename: "Blob", text: "severities: [SEV1, SEV2]\n" });
    expect(at(r, "incidents.nodes.0.number")).toBe(issueNumber);
    expect(listAt(r, "incidents.nodes.0.timelineItems.nodes").length).toBeGreaterThan(5);
    expect(at(r, "incidents.pageInfo.hasNextPage")).toBe(false);
    expect(at(r, "siteHead.target.oid")).toEqual(expect.stringMatching(/^[0-9a-f]{40}$/));
    expect(
      listAt(r, "siteFolder.entries").map((entry) => [at(entry, "path"), at(entry, "type")]),
    ).toContainEqual([".github/incident.yml", "blob"]);
    expect(
      at(
        listAt(r, "siteFolder.entries").find((e) => at(e, "path") === ".github/incident.yml"),
        "oid",
      ),
    ).toBe(blobSha("severities: [SEV1, SEV2]\n"));
  });

  it("leaves the templates out of later pages, and the incidents out of the window", async () => {
    const r = at(
      await sim
        .as("alice")
        .graphql(STATUS_SITE_QUERY, { ...siteVars, withTemplates: false, since: "2027-01-01T00:00:00Z" }),
      "repository",
    );
    expect(r).not.toHaveProperty("feedTemplate");
    expect(r).not.toHaveProperty("siteHead");
    expect(listAt(r, "incidents.nodes")).toEqual([]);
  });
});

describe("CommitStatusSite", () => {
  it("commits on the head it expects, and refuses a stale one as GitHub does", async () => {
    const { data: main } = await bot.rest.git.getRef({ ...repo, ref: "heads/main" });
    await bot.rest.git.createRef({ ...repo, ref: "refs/heads/site", sha: main.object.sha });
    const input = (expectedHeadOid: string) => ({
      input: {
        branch: { repositoryNameWithOwner: "acme/svc", branchName: "site" },
        expectedHeadOid,
        message: { headline: "Status page" },
        fileChanges: {
          additions: [{ path: "status/index.html", contents: Buffer.from("<p>ok</p>").toString("base64") }],
        },
      },
    });
    const made = await bot.graphql(COMMIT_ON_BRANCH_MUTATION, input(main.object.sha));
    const { data: site } = await bot.rest.git.getRef({ ...repo, ref: "heads/site" });
    expect(at(made, "createCommitOnBranch.commit.oid")).toBe(site.object.sha);
    const stale = await bot
      .graphql(COMMIT_ON_BRANCH_MUTATION, input(main.object.sha))
      .catch((error: { errors?: Array<{ type?: string }> }) => error.errors?.map((e) => e.type));
    expect(stale).toEqual(["STALE_DATA"]);
  });
});

describe("mutations return the history after the change", () => {
  it("AddComment", async () => {
    const result = await bot.graphql(ADD_COMMENT_MUTATION, {
      subjectId: issueId,
      body: "status: investigating",
      ...historyVars,
    });
    const node = at(result, "addComment.commentEdge.node");
    expect(textAt(node, "id")).toMatch(/^IC_/);
    expect(listAt(node, "issue.timelineItems.nodes").at(-1)).toMatchObject({
      __typename: "IssueComment",
      id: at(node, "id"),
      body: "status: investigating",
    });
    expect(at(node, "issue.repository.nameWithOwner")).toBe("acme/svc");
    const { data } = await sim
      .as("alice")
      .rest.issues.getComment({ ...repo, comment_id: Number(at(node, "databaseId")) });
    expect(data.user?.login).toBe("incident-bot[bot]");
  });

  it("UpdateComment", async () => {
    const added = await bot.graphql(ADD_COMMENT_MUTATION, { subjectId: issueId, body: "v1", ...historyVars });
    sim.clock.advance(1000);
    const id = textAt(added, "addComment.commentEdge.node.id");
    const result = await bot.graphql(UPDATE_COMMENT_MUTATION, { id, body: "v2", ...historyVars });
    const edited = listAt(result, "updateIssueComment.issueComment.issue.timelineItems.nodes").find(
      (n) => at(n, "id") === id,
    );
    expect(edited).toMatchObject({ body: "v2", lastEditedAt: expect.stringMatching(/^2026-.*Z$/) });
  });

  it("AddComment and UpdateComment without $verify return no history: a plan's earlier writes", async () => {
    const quiet = { ...historyVars, verify: false };
    const added = await bot.graphql(ADD_COMMENT_MUTATION, { subjectId: issueId, body: "v1", ...quiet });
    const node = at(added, "addComment.commentEdge.node");
    expect(node).toEqual({ id: expect.stringMatching(/^IC_/), databaseId: expect.any(Number) });
    const updated = await bot.graphql(UPDATE_COMMENT_MUTATION, { id: at(node, "id"), body: "v2", ...quiet });
    expect(at(updated, "updateIssueComment.issueComment")).toEqual({ id: at(node, "id") });
  });

  it("UpdateIssue", async () => {
    const labels = listAt(await history(bot), "repository.labels.nodes");
    const sev = labels.find((l) => at(l, "name") === "sev:1");
    const alice = await bot.graphql(`{ user(login: "alice") { id } }`);
    const result = await bot.graphql(UPDATE_ISSUE_MUTATION, {
      input: {
        id: issueId,
        title: "[SEV1] DB down",
        labelIds: [at(sev, "id")],
        assigneeIds: [at(alice, "user.id")],
      },
      ...historyVars,
    });
    const issue = at(result, "updateIssue.issue");
    expect(at(issue, "title")).toBe("[SEV1] DB down");
    expect(listAt(issue, "labels.nodes").map((l) => at(l, "name"))).toEqual(["sev:1"]);
    expect(listAt(issue, "assignees.nodes").map((a) => at(a, "login"))).toEqual(["alice"]);
    expect(
      listAt(issue, "timelineItems.nodes")
        .slice(-4)
        .map((n) => at(n, "__typename")),
    ).toEqual(["RenamedTitleEvent", "UnlabeledEvent", "LabeledEvent", "AssignedEvent"]);
  });

  it("CloseIssue and ReopenIssue", async () => {
    const closed = await bot.graphql(CLOSE_ISSUE_MUTATION, {
      issueId,
      stateReason: "COMPLETED",
      ...historyVars,
    });
    expect(at(closed, "closeIssue.issue")).toMatchObject({ state: "CLOSED", stateReason: "COMPLETED" });
    expect(listAt(closed, "closeIssue.issue.timelineItems.nodes").at(-1)).toMatchObject({
      __typename: "ClosedEvent",
      stateReason: "COMPLETED",
    });
    const reopened = await bot.graphql(REOPEN_ISSUE_MUTATION, { issueId, ...historyVars });
    expect(at(reopened, "reopenIssue.issue")).toMatchObject({
      state: "OPEN",
      stateReason: "REOPENED",
      closedAt: null,
    });
  });

  it("DeleteComment", async () => {
    const added = await bot.graphql(ADD_COMMENT_MUTATION, {
      subjectId: issueId,
      body: "oops",
      ...historyVars,
    });
    const id = textAt(added, "addComment.commentEdge.node.id");
    expect(await bot.graphql(DELETE_COMMENT_MUTATION, { id })).toEqual({
      deleteIssueComment: { clientMutationId: null },
    });
    const nodes = listAt(await history(bot), "repository.issue.timelineItems.nodes");
    expect(nodes.some((n) => at(n, "id") === id)).toBe(false);
  });

  it("AddReaction", async () => {
    const result = await bot.graphql(ADD_REACTION_MUTATION, {
      subjectId: `IC_${commentId}`,
      content: "ROCKET",
    });
    expect(at(result, "addReaction.reaction")).toEqual({ content: "ROCKET" });
    const { data } = await sim
      .as("alice")
      .rest.reactions.listForIssueComment({ ...repo, comment_id: commentId });
    expect(data.map((r) => r.content).sort()).toEqual(["eyes", "rocket"]);
  });
});
