import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { commentsOf, ITEM_BODY, itemFacts, PROJECT } from "../support/action-item-facts.js";
import { BOT, bot, user } from "../support/history-builder.js";
import { declaredIncident, incidentAnswers, itemPayload } from "../support/incident-nock.js";
import { respondingGitHub, TOKEN } from "../support/nock-github.js";
import { isolateNock } from "../support/nock-isolation.js";
import { type ReceiveEvent, testProbot } from "../support/probot.js";
import { rawActionItemResponse } from "../support/raw-action-item.js";

/** Each action-item handler with probot.receive and nock: the exact requests, in order. */
const REPO = "/repos/Codertocat/Hello-World";
const CONFIG_PATH = `GET ${REPO}/contents/.github/incident.yml`;
const BOARD_CONFIG = {
  body: "project:\n  owner: Codertocat\n  number: 1\n",
  headers: { "content-type": "text/plain; charset=utf-8" },
};
const now = new Date("2026-02-04T10:00:05Z");

function app() {
  const probot = testProbot();
  probot.load(createApp({ clock: () => now, botLogin: async () => BOT }));
  return probot;
}

isolateNock();

describe("events on an action item", () => {
  it("its creation puts it on the board: read, add, set the fields", async () => {
    const facts = itemFacts({ project: { kind: "found", project: PROJECT } });
    const github = respondingGitHub(({ name }) => {
      if (name === "POST /app/installations/1/access_tokens") return TOKEN;
      if (name === CONFIG_PATH) return BOARD_CONFIG;
      if (name === "ActionItem") return { body: { data: rawActionItemResponse(facts) } };
      if (name === "AddProjectItem")
        return { body: { data: { addProjectV2ItemById: { item: { id: "PVTI_1" } } } } };
      if (name === "SetProjectFields") return { body: { data: {} } };
      return null;
    });
    await app().receive({
      id: "o-1",
      name: "issues",
      payload: itemPayload("issues", "opened", "", BOT),
    } as ReceiveEvent);
    expect(github.requests).toEqual([CONFIG_PATH, "ActionItem", "AddProjectItem", "SetProjectFields"]);
    expect(github.bodies[1]).toMatchObject({
      number: 7,
      incident: 1,
      withIncident: true,
      projectOwner: "Codertocat",
    });
    expect(github.bodies[3]).toEqual({
      projectId: "PVT_1",
      itemId: "PVTI_1",
      f0: "F_due",
      v0: { date: "2026-02-06" },
      f1: "F_pri",
      v1: { singleSelectOptionId: "o_high" },
      f2: "F_status",
      v2: { singleSelectOptionId: "o_todo" },
    });
  });

  it("/due: read, 👀, the body, the board's date, then the incident's timeline", async () => {
    const comments = commentsOf((b) =>
      b.comment("/due 2026-03-01", "2026-02-04T10:00:00Z", user("Codertocat"), {
        databaseId: 50,
        association: "OWNER",
      }),
    );
    const projectItems = [
      {
        id: "PVTI_1",
        projectId: "PVT_1",
        values: {
          F_due: { date: "2026-02-06" },
          F_pri: { optionId: "o_high" },
          F_status: { optionId: "o_todo" },
        },
      },
    ];
    const facts = itemFacts({ comments, project: { kind: "found", project: PROJECT }, projectItems });
    const incident = declaredIncident();
    const source = {
      kind: "Issue" as const,
      number: 7,
      title: "Add an alert",
      url: "https://github.com/Codertocat/Hello-World/issues/7",
      state: "OPEN" as const,
      author: bot,
      body: ITEM_BODY,
      closedAt: null,
      closer: null,
      headRef: null,
      mergedAt: null,
    };
    incident.history.items.push({
      type: "cross-referenced",
      id: "CRE_7",
      at: new Date("2026-02-03T14:42:00Z"),
      actor: bot,
      source,
    });
    const github = respondingGitHub(({ name, body }) => {
      if (name === "POST /app/installations/1/access_tokens") return TOKEN;
      if (name === CONFIG_PATH) return BOARD_CONFIG;
      if (name === "ActionItem") return { body: { data: rawActionItemResponse(facts) } };
      if (name === `PATCH ${REPO}/issues/7`) {
        source.body = String(body.body);
        return { body: {} };
      }
      if (name === "SetProjectFields") return { body: { data: {} } };
      return incidentAnswers(incident, name, body);
    });
    const payload = itemPayload("issue_comment", "created", "/due 2026-03-01");
    await app().receive({ id: "c-1", name: "issue_comment", payload } as ReceiveEvent);
    expect(github.requests).toEqual([
      CONFIG_PATH,
      "ActionItem",
      "AddReaction",
      `PATCH ${REPO}/issues/7`,
      "SetProjectFields",
      "IncidentHistory",
      "UpdateComment",
    ]);
    expect(String(github.bodies[3]?.body)).toContain("- **Due:** 2026-03-01");
    expect(github.bodies[4]).toMatchObject({ f0: "F_due", v0: { date: "2026-03-01" } });
  });

  it("a board that refuses the app: one notice on the incident, no retry", async () => {
    const facts = itemFacts({ project: { kind: "found", project: PROJECT } });
    const github = respondingGitHub(({ name }) => {
      if (name === "POST /app/installations/1/access_tokens") return TOKEN;
      if (name === CONFIG_PATH) return BOARD_CONFIG;
      if (name === "ActionItem") return { body: { data: rawActionItemResponse(facts) } };
      if (name === "AddProjectItem")
        return {
          body: {
            data: { addProjectV2ItemById: null },
            errors: [
              {
                type: "FORBIDDEN",
                path: ["addProjectV2ItemById"],
                message: "Resource not accessible by integration",
              },
            ],
          },
        };
      if (name === "AddNotice")
        return { body: { data: { addComment: { commentEdge: { node: { id: "IC_9" } } } } } };
      return null;
    });
    await app().receive({
      id: "o-2",
      name: "issues",
      payload: itemPayload("issues", "opened", "", BOT),
    } as ReceiveEvent);
    expect(github.requests).toEqual([CONFIG_PATH, "ActionItem", "AddProjectItem", "AddNotice"]);
    expect(String(github.bodies[3]?.body)).toContain(
      "GitHub refused the board change: Resource not accessible by integration",
    );
    expect(github.bodies[3]).toMatchObject({ subjectId: "I_1" });
  });

  it("ignores the app's own later edits of the item (no request at all)", async () => {
    const github = respondingGitHub(() => null);
    await app().receive({
      id: "e-1",
      name: "issues",
      payload: itemPayload("issues", "edited", "", BOT),
    } as ReceiveEvent);
    expect(github.requests).toEqual([]);
  });
});
