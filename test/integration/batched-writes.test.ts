import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { ConfigSchema } from "../../src/config/schema.js";
import { labelSpecs } from "../../src/features/incident/label-specs.js";
import { BOT, FORM_BODY, HistoryBuilder, user } from "../support/history-builder.js";
import { type Answer, graphqlFailure, historyGitHub } from "../support/nock-github.js";
import { isolateNock } from "../support/nock-isolation.js";
import { examplePayload, type ReceiveEvent, testProbot } from "../support/probot.js";

/**
 * A plan's writes as one document (`IncidentWrites`), where one mutation fails: GitHub
 * ran the others. One worth retrying runs the event again from a fresh read, which
 * sees what took effect and does only what is left; a refusal does not stop the rest.
 * (The fake records each mutation of the document under its own name.)
 */
const at = "2026-02-03T14:30:00Z";

async function noteWith(answers: Record<string, Answer>) {
  const builder = new HistoryBuilder({ body: FORM_BODY, author: "Codertocat" }).label(
    "incident",
    "2026-02-03T14:23:00Z",
    user("Codertocat"),
  );
  builder.history.repo.nameWithOwner = "Codertocat/Hello-World";
  builder.history.repo.labels = labelSpecs(ConfigSchema.parse({})).map((label) => ({
    id: `LA_${label.name}`,
    ...label,
  }));
  const probot = testProbot();
  let clock = new Date("2026-02-03T14:23:05Z");
  probot.load(createApp({ clock: () => clock, botLogin: async () => BOT }));
  const github = historyGitHub(builder, "2026-02-03T14:23:05Z", answers);
  const opened = examplePayload("issues", "opened") as unknown as { issue: Record<string, unknown> };
  opened.issue.labels = [{ name: "incident" }];
  await probot.receive({ id: "d-open", name: "issues", payload: opened } as unknown as ReceiveEvent);
  clock = new Date(at);
  builder.comment("/note checked dashboards", at, user("bob"));
  github.requests.length = 0;
  const payload = examplePayload("issue_comment", "created") as unknown as Record<
    string,
    Record<string, unknown>
  >;
  payload.issue = {
    ...payload.issue,
    number: 1,
    title: builder.history.issue.title,
    pull_request: undefined,
  };
  payload.issue.labels = builder.history.issue.labels.map((name) => ({ name }));
  const last = builder.history.items.at(-1);
  payload.comment = {
    ...payload.comment,
    body: "/note checked dashboards",
    id: last?.type === "comment" ? last.databaseId : 0,
    author_association: "MEMBER",
    user: { ...(payload.comment?.user as object), login: "bob", type: "User" },
  };
  payload.sender = { ...payload.sender, login: "bob", type: "User" };
  const outcome = await probot
    .receive({ id: "d-note", name: "issue_comment", payload } as unknown as ReceiveEvent)
    .then(() => "answered")
    .catch(() => "failed");
  const timeline = builder.history.items.flatMap((item) =>
    item.type === "comment" && item.body.includes("Timeline") ? [item.body] : [],
  );
  return { requests: github.requests, builder, timeline: timeline.at(-1) ?? "", outcome };
}

describe("one document of writes, one of its mutations failing", () => {
  isolateNock();

  it("worth retrying: reads again and writes only what did not take effect", async () => {
    let failures = 1;
    const { requests, timeline, builder } = await noteWith({
      UpdateComment: () => (failures-- > 0 ? graphqlFailure("SERVICE_UNAVAILABLE") : undefined),
    });
    expect(requests).toEqual([
      "IncidentHistory",
      "AddReaction",
      "UpdateComment",
      "IncidentHistory",
      "UpdateComment",
    ]);
    expect(timeline).toContain("checked dashboards");
    const note = builder.history.items.find(
      (item) => item.type === "comment" && item.body.startsWith("/note"),
    );
    // The reaction took effect in the first document and was not added again.
    expect(note?.type === "comment" ? note.appReactions : []).toEqual(["EYES"]);
  });

  it("refused for good: the other mutations of the document still took effect, and none is repeated", async () => {
    const { requests, timeline } = await noteWith({
      AddReaction: () => graphqlFailure("UNPROCESSABLE", "reactions are locked"),
    });
    expect(requests.slice(0, 3)).toEqual(["IncidentHistory", "AddReaction", "UpdateComment"]);
    expect(requests.filter((name) => name === "UpdateComment")).toHaveLength(1);
    expect(timeline).toContain("checked dashboards");
  });
});
