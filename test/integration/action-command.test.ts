import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { BOT, user } from "../support/history-builder.js";
import { declaredIncident, incidentAnswers } from "../support/incident-nock.js";
import { respondingGitHub, TOKEN } from "../support/nock-github.js";
import { isolateNock } from "../support/nock-isolation.js";
import { examplePayload, type ReceiveEvent, testProbot } from "../support/probot.js";

/** `/action` on an incident with probot.receive and nock: the exact requests, in order. */
const REPO = "/repos/Codertocat/Hello-World";
const CONFIG_PATH = `GET ${REPO}/contents/.github/incident.yml`;
const ORG_CONFIG_PATH = "GET /repos/Codertocat/.github/contents/.github/incident.yml";
const now = new Date("2026-02-04T10:00:05Z");

function app() {
  const probot = testProbot();
  probot.load(createApp({ clock: () => now, botLogin: async () => BOT }));
  return probot;
}

isolateNock();

describe("/action on an incident", () => {
  it("reacts, creates the issue, notes it on the incident and updates the timeline", async () => {
    const builder = declaredIncident().comment(
      "/action Add an alert @dave due:2026-02-06 priority:high",
      "2026-02-04T10:00:00Z",
      user("Codertocat"),
      { databaseId: 1, association: "OWNER" },
    );
    const github = respondingGitHub(({ name, body }) => {
      if (name === "POST /app/installations/1/access_tokens") return TOKEN;
      if (name.startsWith("GET ")) return { status: 404, body: { message: "Not Found" } };
      if (name === `POST ${REPO}/issues`)
        return {
          status: 201,
          body: { number: 9, html_url: "https://github.com/Codertocat/Hello-World/issues/9", node_id: "I_9" },
        };
      return incidentAnswers(builder, name, body);
    });
    const payload = examplePayload("issue_comment", "created") as ReturnType<typeof examplePayload> & {
      issue: { labels: Array<{ name: string }>; title: string };
      comment: { id: number; body: string };
    };
    payload.issue.labels = [{ name: "incident" }];
    payload.issue.title = "[INC-20260203-001] Search returns no results";
    payload.comment.body = "/action Add an alert @dave due:2026-02-06 priority:high";
    payload.comment.id = 1;
    await app().receive({ id: "a-1", name: "issue_comment", payload } as unknown as ReceiveEvent);

    expect(github.requests).toEqual([
      CONFIG_PATH,
      ORG_CONFIG_PATH,
      "IncidentHistory",
      "AddReaction",
      `POST ${REPO}/issues`,
      "AddComment",
      "UpdateComment",
    ]);
    expect(github.bodies[4]).toMatchObject({
      title: "Add an alert",
      labels: ["action-item", "priority: high"],
      assignees: ["dave"],
    });
    const note = builder.history.items.at(-1);
    expect(note?.type === "comment" ? note.body : "").toContain(
      "<!-- incident-app:action-item-created key=c1-1 number=9 -->",
    );
  });
});
