import nock from "nock";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { ConfigSchema } from "../../src/config/schema.js";
import { labelSpecs } from "../../src/features/incident/label-specs.js";
import { BOT, bot, FORM_BODY, HistoryBuilder } from "../support/history-builder.js";
import { isolateNock } from "../support/nock-isolation.js";
import { examplePayload, type ReceiveEvent, testProbot } from "../support/probot.js";
import { rawHistoryResponse } from "../support/raw-history.js";

const API = "https://api.github.com";
const now = new Date("2026-02-03T14:23:05Z");

function formPayload() {
  const payload = examplePayload("issues", "opened") as ReturnType<typeof examplePayload> & {
    issue: { body: string; labels: Array<{ name: string }>; author_association: string; title: string };
  };
  payload.issue.body = FORM_BODY;
  payload.issue.title = "Search returns no results";
  payload.issue.labels = [{ ...(payload.issue.labels[0] ?? {}), name: "incident" }];
  payload.issue.author_association = "MEMBER";
  return payload;
}

describe("declaring from the issue form (probot.receive + nock)", () => {
  isolateNock();

  it("assigns the id, labels the issue and posts the declaration, the checklist and the timeline, in 7 requests", async () => {
    const probot = testProbot();
    probot.load(createApp({ clock: () => now, botLogin: async () => BOT }));
    const builder = new HistoryBuilder({ body: FORM_BODY, author: "Codertocat" }).label(
      "incident",
      "2026-02-03T14:23:00Z",
      { login: "Codertocat", kind: "User" },
    );
    builder.history.repo.nameWithOwner = "Codertocat/Hello-World";
    // Labels exist (created on install), so declaring pays nothing for them.
    builder.history.repo.labels = labelSpecs(ConfigSchema.parse({})).map((label) => ({
      id: `LA_${label.name}`,
      ...label,
    }));
    const operations: string[] = [];
    let patched: Record<string, unknown> = {};

    const scope = nock(API)
      .post("/app/installations/1/access_tokens")
      .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} })
      .get(/\/repos\/Codertocat\/Hello-World\/contents\/\.github(%2F|\/)incident\.yml/)
      .reply(404, { message: "Not Found" })
      .get(/\/repos\/Codertocat\/\.github\/contents\/\.github(%2F|\/)incident\.yml/)
      .reply(404, { message: "Not Found" })
      .patch("/repos/Codertocat/Hello-World/issues/1", (body) => {
        patched = body;
        return true;
      })
      .reply(200, {})
      .post("/graphql")
      .times(4)
      .reply(200, (_uri, body) => {
        const { query, variables } = body as { query: string; variables: Record<string, unknown> };
        const operation = /(query|mutation) (\w+)/.exec(query)?.[2] ?? "?";
        operations.push(operation);
        if (operation === "IncidentHistory") return { data: rawHistoryResponse(builder.history) };
        builder.history.issue.title = String(patched.title ?? builder.history.issue.title);
        builder.history.issue.labels = (patched.labels as string[]) ?? builder.history.issue.labels;
        builder.history.issue.assignees = (patched.assignees as string[]) ?? builder.history.issue.assignees;
        builder.comment(String(variables.body), "2026-02-03T14:23:06Z", bot);
        return {
          data: {
            addComment: {
              commentEdge: { node: { issue: rawHistoryResponse(builder.history).issueWithRepository } },
            },
          },
        };
      });

    await probot.receive({ id: "d-1", name: "issues", payload: formPayload() } as unknown as ReceiveEvent);

    expect(scope.isDone()).toBe(true);
    expect(operations).toEqual(["IncidentHistory", "AddComment", "AddComment", "AddComment"]);
    expect(patched).toEqual({
      title: "[INC-20260203-001] Search returns no results",
      labels: ["incident", "SEV-2", "status: investigating"],
    });
    const [declaration, checklist, timeline] = builder.history.items
      .filter((item) => item.type === "comment")
      .slice(-3);
    expect(checklist && "body" in checklist ? checklist.body : "").toContain(
      "## ✅ Checklist · INC-20260203-001 · 0/",
    );
    expect(declaration && "body" in declaration ? declaration.body : "").toContain(
      "Incident declared: INC-20260203-001",
    );
    expect(timeline && "body" in timeline ? timeline.body : "").toContain(
      "## 🕒 Timeline · INC-20260203-001",
    );
  });

  it("does nothing for an issue that is not an incident (no request at all)", async () => {
    const probot = testProbot();
    probot.load(createApp({ clock: () => now, botLogin: async () => BOT }));
    const payload = examplePayload("issues", "opened");
    await probot.receive({ id: "d-2", name: "issues", payload } as unknown as ReceiveEvent);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
