import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { ConfigSchema } from "../../src/config/schema.js";
import { labelSpecs } from "../../src/features/incident/label-specs.js";
import { BOT, FORM_BODY, HistoryBuilder, user } from "../support/history-builder.js";
import { type Answer, graphqlFailure, historyGitHub } from "../support/nock-github.js";
import { isolateNock } from "../support/nock-isolation.js";
import { examplePayload, type ReceiveEvent, testProbot } from "../support/probot.js";

/** Each command through `probot.receive`, with GitHub faked by nock: the exact requests and the effect. */
const OWNER = "Codertocat";
const REPO = "Hello-World";
let clock = new Date("2026-02-03T14:23:05Z");

function declaredIncident() {
  const builder = new HistoryBuilder({ body: FORM_BODY, author: "Codertocat" }).label(
    "incident",
    "2026-02-03T14:23:00Z",
    user("Codertocat"),
  );
  builder.history.repo.nameWithOwner = `${OWNER}/${REPO}`;
  builder.history.repo.labels = labelSpecs(ConfigSchema.parse({})).map((label) => ({
    id: `LA_${label.name}`,
    ...label,
  }));
  return builder;
}

async function receive(
  probot: ReturnType<typeof testProbot>,
  name: "issues" | "issue_comment",
  payload: object,
) {
  await probot.receive({ id: `d-${Math.random()}`, name, payload } as unknown as ReceiveEvent);
}

function commentPayload(builder: HistoryBuilder, body: string, login = "bob", association = "MEMBER") {
  const payload = examplePayload("issue_comment", "created") as unknown as Record<string, unknown> & {
    issue: Record<string, unknown>;
    comment: Record<string, unknown>;
    sender: Record<string, unknown>;
  };
  payload.issue.number = 1;
  payload.issue.title = builder.history.issue.title;
  payload.issue.labels = builder.history.issue.labels.map((name) => ({ name }));
  payload.issue.pull_request = undefined;
  payload.comment.body = body;
  // The delivery is about the comment just added (the app answers its own comment now).
  const last = builder.history.items.at(-1);
  if (last?.type === "comment") payload.comment.id = last.databaseId;
  payload.comment.author_association = association;
  payload.comment.user = { ...(payload.comment.user as object), login, type: "User" };
  payload.sender = { ...payload.sender, login, type: "User" };
  return payload;
}

async function setUp(answers: Record<string, Answer> = {}) {
  clock = new Date("2026-02-03T14:23:05Z");
  const builder = declaredIncident();
  const probot = testProbot();
  probot.load(createApp({ clock: () => clock, botLogin: async () => BOT }));
  const github = historyGitHub(builder, "2026-02-03T14:23:05Z", answers);
  const opened = examplePayload("issues", "opened") as unknown as Record<string, unknown> & {
    issue: Record<string, unknown>;
  };
  opened.issue.labels = [{ name: "incident" }];
  await receive(probot, "issues", opened);
  github.requests.length = 0;
  return { builder, probot, github };
}

/** Posts a comment as `login` at `time` and lets the app handle it. */
async function command(
  ctx: Awaited<ReturnType<typeof setUp>>,
  body: string,
  time: string,
  login = "bob",
  association: "MEMBER" | "NONE" = "MEMBER",
) {
  clock = new Date(`2026-02-03T${time}:00Z`);
  ctx.builder.comment(body, `2026-02-03T${time}:00Z`, user(login), { association });
  ctx.github.requests.length = 0;
  await receive(ctx.probot, "issue_comment", commentPayload(ctx.builder, body, login, association));
  return ctx.github.requests;
}

const timeline = (builder: HistoryBuilder) =>
  builder.history.items.flatMap((item) =>
    item.type === "comment" && item.body.includes("incident-app:timeline") ? [item.body] : [],
  )[0] ?? "";

describe("commands through probot.receive", () => {
  isolateNock();

  it.each([
    [
      "/note checked dashboards",
      ["IncidentHistory", "AddReaction", "UpdateComment"],
      /Note: “checked dashboards”/,
    ],
    [
      "/ack on it",
      ["IncidentHistory", "PATCH /issues/1", "AddReaction", "UpdateComment"],
      /Acknowledged: “on it”/,
    ],
    [
      "/ic @dave",
      ["IncidentHistory", "PATCH /issues/1", "AddReaction", "UpdateComment"],
      /Incident commander: @dave/,
    ],
    ["/lead @dave", ["IncidentHistory", "AddReaction", "UpdateComment"], /Tech lead: @dave/],
    [
      "/severity SEV-1 all users",
      ["IncidentHistory", "UpdateIssue", "AddReaction", "UpdateComment"],
      /SEV-2 → \*\*SEV-1\*\*: “all users”/,
    ],
    [
      "/status identified bad deploy",
      ["IncidentHistory", "UpdateIssue", "AddReaction", "UpdateComment"],
      /→ \*\*identified\*\*/,
    ],
    [
      "/mitigated",
      ["IncidentHistory", "UpdateIssue", "AddReaction", "UpdateComment"],
      /→ \*\*monitoring\*\*, mitigated/,
    ],
    ["/started at 14:10", ["IncidentHistory", "AddReaction", "UpdateComment"], /Impact started/],
    ["/detected at 14:20", ["IncidentHistory", "AddReaction", "UpdateComment"], /Detected/],
    [
      "/update rolling back",
      ["IncidentHistory", "AddReaction", "AddComment", "UpdateComment"],
      /Status update posted: “rolling back”/,
    ],
    [
      "/escalate need db help",
      ["IncidentHistory", "AddReaction", "AddComment", "UpdateComment"],
      /Escalated: “need db help”/,
    ],
  ])("%s", async (body, expected, effect) => {
    const ctx = await setUp();
    const requests = await command(ctx, body, "14:30");
    expect(requests).toEqual(expected);
    expect(timeline(ctx.builder)).toMatch(effect);
  });

  it.each([
    ["/comms draft", /Customer-facing update/],
    ["/help", /Incident commands/],
  ])("%s replies without changing the incident", async (body, reply) => {
    const ctx = await setUp();
    expect(await command(ctx, body, "14:30")).toEqual(["IncidentHistory", "AddReaction", "AddComment"]);
    const last = ctx.builder.history.items.at(-1);
    expect(last?.type === "comment" && last.body).toMatch(reply);
  });

  it("/timeline rewrites the timeline (fresh time left) even when nothing changed", async () => {
    const ctx = await setUp();
    expect(await command(ctx, "/timeline", "14:30")).toEqual([
      "IncidentHistory",
      "AddReaction",
      "UpdateComment",
    ]);
    expect(timeline(ctx.builder)).toContain("⏳ running, 8m left (target 15m)");
    expect(await command(ctx, "/note nothing else", "14:31")).toEqual([
      "IncidentHistory",
      "AddReaction",
      "UpdateComment",
    ]);
  });

  it("/resolve then /reopen close and reopen the issue with messages", async () => {
    const ctx = await setUp({
      CreateRef: () => graphqlFailure("SERVICE_UNAVAILABLE", "Something went wrong"),
      CreateCommitOnBranch: () =>
        graphqlFailure("NOT_FOUND", 'A ref named "refs/heads/pir/inc-20260203-001" does not exist.'),
      CreatePullRequest: () => graphqlFailure("UNPROCESSABLE", "Head sha can't be blank"),
    });
    const resolved = await command(ctx, "/resolve rolled back", "15:10");
    // Branching the review fails (GitHub busy) each time, and the commit and pull request after
    // it in the same document fail with it; so the
    // event runs again from a fresh read, and only the last run says the review could not be opened.
    expect(resolved).toEqual([
      "IncidentHistory",
      "UpdateIssue",
      "CloseIssue",
      "AddReaction",
      "AddComment",
      "CreateRef",
      "CreateCommitOnBranch",
      "CreatePullRequest",
      "IncidentHistory",
      "CreateRef",
      "CreateCommitOnBranch",
      "CreatePullRequest",
      "IncidentHistory",
      "CreateRef",
      "CreateCommitOnBranch",
      "CreatePullRequest",
      "IncidentHistory",
      "CreateRef",
      "CreateCommitOnBranch",
      "CreatePullRequest",
      "AddComment",
      "UpdateComment",
    ]);
    expect(JSON.stringify(ctx.builder.history.items)).toContain("Could not open the post-incident review");
    expect(ctx.builder.history.issue.state).toBe("CLOSED");
    expect(await command(ctx, "/reopen it came back", "15:20")).toEqual([
      "IncidentHistory",
      "UpdateIssue",
      "ReopenIssue",
      "AddReaction",
      "UpdateComment",
    ]);
    expect(ctx.builder.history.issue.state).toBe("OPEN");
    expect(timeline(ctx.builder)).toMatch(/Reopened, status \*\*investigating\*\*: “it came back”/);
  });

  it("answers a typo with 😕 and a suggestion, and an outsider's every command with 😕 but one reply", async () => {
    const ctx = await setUp();
    expect(await command(ctx, "/stauts identified", "14:30")).toEqual([
      "IncidentHistory",
      "AddReaction",
      "AddComment",
    ]);
    const reply = ctx.builder.history.items.at(-1);
    expect(reply?.type === "comment" && reply.body).toMatch(/Did you mean `\/status`\?/);
    expect(await command(ctx, "/sev SEV-1", "14:31", "mallory", "NONE")).toEqual([
      "IncidentHistory",
      "AddReaction",
      "AddComment",
    ]);
    const refusal = ctx.builder.history.items.at(-1);
    expect(refusal?.type === "comment" && refusal.body).toContain(
      "Incident commands can only be run by the repository's owners, members and collaborators",
    );
    expect(await command(ctx, "/sev SEV-1 please", "14:32", "mallory", "NONE")).toEqual([
      "IncidentHistory",
      "AddReaction",
    ]);
    expect(ctx.builder.history.issue.labels).toContain("SEV-2");
  });

  it("ignores commands from bots without a single request", async () => {
    const ctx = await setUp();
    const payload = commentPayload(ctx.builder, "/resolve", "ci-bot[bot]");
    (payload.sender as Record<string, unknown>).type = "Bot";
    ctx.builder.comment("/resolve", "2026-02-03T14:30:00Z", { login: "ci-bot[bot]", kind: "Bot" });
    await receive(ctx.probot, "issue_comment", payload);
    expect(ctx.github.requests).toEqual(["IncidentHistory"]);
    expect(ctx.builder.history.issue.state).toBe("OPEN");
  });
});
