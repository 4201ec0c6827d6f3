import nock from "nock";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { declaredBuilder } from "../support/declared-builder.js";
import { BOT, bot, type HistoryBuilder, pullFact, user } from "../support/history-builder.js";
import { graphqlFailure, historyGitHub } from "../support/nock-github.js";
import { isolateNock } from "../support/nock-isolation.js";
import { examplePayload, type ReceiveEvent, testProbot } from "../support/probot.js";

/** `/hotfix`, `/revert` and `/resolve` (the review) through probot.receive, GitHub in nock. */
const TITLE = "[INC-20260203-001] Search returns no results";

const declared = (at: string) => declaredBuilder(at);

async function command(builder: HistoryBuilder, body: string, at: string, who = "dave") {
  builder.comment(body, at, user(who), { databaseId: 70 });
  const payload = examplePayload("issue_comment", "created") as ReturnType<typeof examplePayload> & {
    issue: { title: string; labels: Array<{ name: string }> };
    comment: { id: number; body: string; user: { login: string } };
    sender: { login: string };
  };
  payload.issue.title = TITLE;
  payload.issue.labels = [{ name: "incident" }];
  payload.comment.body = body;
  payload.comment.id = 70;
  payload.comment.user.login = who;
  payload.sender.login = who;
  const probot = testProbot();
  probot.load(createApp({ clock: () => new Date(at), botLogin: async () => BOT }));
  await probot.receive({ id: `d-${at}`, name: "issue_comment", payload } as unknown as ReceiveEvent);
}

const lastComment = (builder: HistoryBuilder) => {
  const comments = builder.history.items.filter((item) => item.type === "comment");
  const last = comments.at(-1);
  return last?.type === "comment" ? last.body : "";
};

isolateNock();

describe("/hotfix", () => {
  it("creates the branch in the batch, then answers, then shows it on the timeline", async () => {
    const builder = declared("2026-02-03T14:41:00Z");
    const github = historyGitHub(builder, "2026-02-03T14:41:01Z", {
      CreateRef: (body) => {
        builder.history.code.branches = {
          hotfix: { name: "hotfix/inc-20260203-001", oid: String(body.oid) },
          pir: null,
        };
        return { createRef: { clientMutationId: null } };
      },
    });
    await command(builder, "/hotfix", "2026-02-03T14:41:00Z");
    // One document (the reaction, the branch), the reply in the next (it waits for the branch's
    // answer), then the timeline that shows the branch.
    expect(github.requests).toEqual([
      "IncidentHistory",
      "AddReaction",
      "CreateRef",
      "AddComment",
      "UpdateComment",
    ]);
    expect(github.bodies[2]?.body).toMatchObject({
      name: "refs/heads/hotfix/inc-20260203-001",
      oid: "a".repeat(40),
    });
    expect(lastComment(builder)).toContain("hotfix/inc-20260203-001");
  });

  it("reports a ref that does not exist", async () => {
    const builder = declared("2026-02-03T14:41:00Z");
    const github = historyGitHub(builder, "2026-02-03T14:41:01Z", {
      ResolveRef: () => ({ repository: { object: null } }),
    });
    await command(builder, "/hotfix from release/9", "2026-02-03T14:41:00Z");
    expect(github.requests).toEqual(["IncidentHistory", "AddReaction", "ResolveRef", "AddComment"]);
    expect(builder.history.items.at(-1)).toMatchObject({
      body: expect.stringContaining(
        "Could not create the hotfix branch `hotfix/inc-20260203-001`: there is no branch, tag or commit named `release/9`",
      ),
    });
  });
});

describe("/revert", () => {
  const target = (merged: boolean) => () => ({
    repository: {
      issueOrPullRequest: {
        __typename: "PullRequest",
        id: "PR_7",
        number: 7,
        title: "Tune",
        state: merged ? "MERGED" : "OPEN",
        merged,
        url: "u",
      },
    },
  });

  it("opens the revert with GitHub's revertPullRequest; a read that did not bring the pull request reads it first (6 requests)", async () => {
    const builder = declared("2026-02-03T14:35:00Z");
    const github = historyGitHub(builder, "2026-02-03T14:35:01Z", {
      RevertTarget: target(true),
      RevertPullRequest: (variables) => {
        builder.mentionedBy(
          pullFact(9, {
            at: "2026-02-03T14:35:01Z",
            author: bot,
            headRefName: "revert-7-tune",
            body: String(variables.body),
          }),
        );
        return {
          revertPullRequest: { revertPullRequest: { number: 9, url: "https://github.com/acme/shop/pull/9" } },
        };
      },
    });
    await command(builder, "/revert #7", "2026-02-03T14:35:00Z");
    expect(github.requests).toEqual([
      "IncidentHistory",
      "AddReaction",
      "RevertTarget",
      "RevertPullRequest",
      "AddComment",
      "UpdateComment",
    ]);
    expect(github.bodies[3]?.body).toMatchObject({ pullRequestId: "PR_7", title: null });
    expect(lastComment(builder)).toContain("↩️ Opened #9 to revert #7.");
  });

  it("explains an unmerged pull request and a missing one", async () => {
    const builder = declared("2026-02-03T14:35:00Z");
    const github = historyGitHub(builder, "2026-02-03T14:35:01Z", { RevertTarget: target(false) });
    await command(builder, "/revert #7", "2026-02-03T14:35:00Z");
    expect(github.requests).toEqual(["IncidentHistory", "AddReaction", "RevertTarget", "AddComment"]);
    expect(builder.history.items.at(-1)).toMatchObject({
      body: expect.stringContaining("Could not revert #7: #7 is still open, so there is nothing to revert."),
    });
    nock.cleanAll();
    const missing = declared("2026-02-03T14:35:00Z");
    historyGitHub(missing, "2026-02-03T14:35:01Z", {
      RevertTarget: () => ({ repository: { issueOrPullRequest: null } }),
    });
    await command(missing, "/revert #8", "2026-02-03T14:35:00Z");
    expect(missing.history.items.at(-1)).toMatchObject({
      body: expect.stringContaining("there is no pull request #8 in this repository"),
    });
  });
});

describe("/resolve of a SEV-2", () => {
  it("opens the review pull request: branch, file, pull request, reviewers, answer", async () => {
    const builder = declared("2026-02-03T15:10:00Z").comment("/ack", "2026-02-03T14:25:00Z", user("bob"), {
      reactions: ["EYES"],
    });
    const github = historyGitHub(builder, "2026-02-03T15:10:01Z", {
      CreatePullRequest: () => {
        builder.history.code.pirPulls = [
          pullFact(12, { at: "2026-02-03T15:10:01Z", author: bot, headRefName: "pir/inc-20260203-001" }),
        ];
        return {
          createPullRequest: {
            pullRequest: { id: "PR_12", number: 12, url: "https://github.com/acme/shop/pull/12" },
          },
        };
      },
    });
    await command(builder, "/resolve fixed", "2026-02-03T15:10:00Z", "bob");
    // The branch, the signed commit on it (expecting the default branch's head) and the pull
    // request go with the rest of the plan; the review request and the reply need its answer.
    // This history has no node id for bob, so his review is asked by REST.
    expect(github.requests).toEqual([
      "IncidentHistory",
      "UpdateIssue",
      "CloseIssue",
      "AddReaction",
      "AddComment",
      "CreateRef",
      "CreateCommitOnBranch",
      "CreatePullRequest",
      "POST /pulls/12/requested_reviewers",
      "AddComment",
      "UpdateComment",
    ]);
    const file = github.bodies.find((b) => b.name === "CreateCommitOnBranch")?.body as {
      branch: unknown;
      expectedHeadOid: string;
      message: unknown;
      fileChanges: { additions: Array<{ path: string; contents: string }> };
    };
    expect(file).toMatchObject({
      branch: { repositoryNameWithOwner: "acme/shop", branchName: "pir/inc-20260203-001" },
      expectedHeadOid: "a".repeat(40),
      message: { headline: "Post-incident review of INC-20260203-001" },
    });
    expect(file.fileChanges.additions[0]?.path).toBe("docs/incidents/INC-20260203-001.md");
    expect(Buffer.from(String(file.fileChanges.additions[0]?.contents), "base64").toString()).toContain(
      "## Five Whys",
    );
    expect(github.bodies.find((b) => b.name === "POST /pulls/12/requested_reviewers")?.body).toEqual({
      reviewers: ["bob"],
      team_reviewers: [],
    });
    expect(lastComment(builder)).toContain("📝 Opened #12: the post-incident review");
  });
});

describe("/severity SEV-1 with an open pull request", () => {
  const openPull = (checks: Array<{ id: number; nodeId: string; title: string }>) => ({
    number: 8,
    title: "Tune the cache",
    url: "https://github.com/acme/shop/pull/8",
    headRefName: "tune-cache",
    baseRefName: "main",
    headSha: "b".repeat(40),
    author: user("erin"),
    freezeChecks: checks.map((check) => ({ ...check, app: "incident-bot", conclusion: "SUCCESS" })),
  });

  it("turns the pull request's check red in the same document as the label and the timeline", async () => {
    const builder = declared("2026-02-03T14:30:00Z");
    builder.history.code.openPulls = [openPull([{ id: 31, nodeId: "CR_31", title: "No merge freeze" }])];
    const github = historyGitHub(builder, "2026-02-03T14:30:01Z");
    await command(builder, "/severity SEV-1 wider impact", "2026-02-03T14:30:00Z");
    expect(github.requests).toContain("UpdateCheckRun");
    expect(github.requests).not.toContain("PATCH /check-runs/31");
    expect(github.bodies.find((b) => b.name === "UpdateCheckRun")?.body).toMatchObject({
      checkRunId: "CR_31",
      conclusion: "FAILURE",
      status: "COMPLETED",
    });
  });

  it("says on the incident when GitHub refuses the check, once, after the rest took effect", async () => {
    const builder = declared("2026-02-03T14:30:00Z");
    builder.history.code.openPulls = [openPull([])];
    const github = historyGitHub(builder, "2026-02-03T14:30:01Z", {
      CreateCheckRun: () => graphqlFailure("FORBIDDEN", "Resource not accessible by integration"),
    });
    await command(builder, "/severity SEV-1 wider impact", "2026-02-03T14:30:00Z");
    expect(github.requests.filter((name) => name === "CreateCheckRun")).toHaveLength(1);
    expect(builder.history.issue.labels).toContain("SEV-1");
    const said = builder.history.items.flatMap((item) => (item.type === "comment" ? [item.body] : []));
    expect(said.filter((body) => body.includes("Could not set the `incident-freeze` check on #8"))).toEqual([
      expect.stringContaining("Resource not accessible by integration"),
    ]);
  });
});
