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

  it("assigns the id, labels the issue and posts the declaration, the checklist and the timeline: one read, one write", async () => {
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
    let mutations: string[] = [];
    let patched: Record<string, unknown> = {};

    const scope = nock(API)
      .post("/app/installations/1/access_tokens")
      .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} })
      .get(/\/repos\/Codertocat\/Hello-World\/contents\/\.github(%2F|\/)incident\.yml/)
      .reply(404, { message: "Not Found" })
      .get(/\/repos\/Codertocat\/\.github\/contents\/\.github(%2F|\/)incident\.yml/)
      .reply(404, { message: "Not Found" })
      .post("/graphql")
      .times(2)
      .reply(200, (_uri, body) => {
        const { query, variables } = body as {
          query: string;
          variables: Record<string, Record<string, unknown>>;
        };
        const operation = /(query|mutation) (\w+)/.exec(query)?.[2] ?? "?";
        operations.push(operation);
        if (operation === "IncidentHistory") return { data: rawHistoryResponse(builder.history) };
        mutations = [...query.matchAll(/\b(w\d+): (\w+)\(/g)].map((m) => m[2] ?? "");
        patched = variables.i0 ?? {};
        builder.history.issue.title = String(patched.title);
        builder.history.issue.labels = (patched.labelIds as string[]).map((id) => id.replace(/^LA_/, ""));
        builder.comment(String(variables.i1?.body), "2026-02-03T14:23:06Z", bot);
        builder.comment(String(variables.i2?.body), "2026-02-03T14:23:06Z", bot);
        builder.comment(String(variables.i3?.body), "2026-02-03T14:23:06Z", bot);
        const issue = rawHistoryResponse(builder.history).issueWithRepository;
        return {
          data: {
            w0: { issue: { id: "I_1" } },
            w1: { commentEdge: { node: { id: "IC_1" } } },
            w2: { commentEdge: { node: { id: "IC_2" } } },
            w3: { commentEdge: { node: { id: "IC_3", issue } } },
          },
        };
      });

    await probot.receive({ id: "d-1", name: "issues", payload: formPayload() } as unknown as ReceiveEvent);

    expect(scope.isDone()).toBe(true);
    expect(operations).toEqual(["IncidentHistory", "IncidentWrites"]);
    expect(mutations).toEqual(["updateIssue", "addComment", "addComment", "addComment"]);
    expect(patched).toEqual({
      id: expect.any(String),
      title: "[INC-20260203-001] Search returns no results",
      labelIds: ["LA_incident", "LA_SEV-2", "LA_status: investigating"],
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

  it("does nothing for an unlabelled issue that is not an incident (no request at all)", async () => {
    const probot = testProbot();
    probot.load(createApp({ clock: () => now, botLogin: async () => BOT }));
    const payload = examplePayload("issues", "opened") as ReturnType<typeof examplePayload> & {
      issue: { labels: unknown[] };
    };
    payload.issue.labels = [];
    await probot.receive({ id: "d-2", name: "issues", payload } as unknown as ReceiveEvent);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("reads only the config (once a minute) for a labelled issue that is not an incident, in case its labels are renamed", async () => {
    const probot = testProbot();
    probot.load(createApp({ clock: () => now, botLogin: async () => BOT }));
    const scope = nock(API)
      .post("/app/installations/1/access_tokens")
      .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} })
      .get(/\/repos\/Codertocat\/Hello-World\/contents\/\.github(%2F|\/)incident\.yml/)
      .reply(404, { message: "Not Found" })
      .get(/\/repos\/Codertocat\/\.github\/contents\/\.github(%2F|\/)incident\.yml/)
      .reply(404, { message: "Not Found" });
    const payload = examplePayload("issues", "opened"); // labelled "bug"
    await probot.receive({ id: "d-3", name: "issues", payload } as unknown as ReceiveEvent);
    expect(scope.isDone()).toBe(true);
    // The same repository again: the cached config answers, no request at all.
    await probot.receive({ id: "d-4", name: "issues", payload } as unknown as ReceiveEvent);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
