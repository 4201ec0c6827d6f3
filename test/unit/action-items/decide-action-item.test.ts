import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { decideActionItem } from "../../../src/features/action-items/decide-action-item.js";
import { parseActionItemBody } from "../../../src/kernel/action-item-body.js";
import type { Write } from "../../../src/kernel/plan.js";
import { commentsOf, ITEM_BODY, itemFacts, PROJECT } from "../../support/action-item-facts.js";
import { BOT, bot, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({});
const board = ConfigSchema.parse({ project: { owner: "acme", number: 1 } });
const issueWrite = (plan: Write[]) =>
  plan.find((w): w is Extract<Write, { kind: "update-issue" }> => w.kind === "update-issue");

describe("commands on an action item", () => {
  it("applies /due and /priority to the body, the label and nothing else", () => {
    const comments = commentsOf((b) =>
      b.comment("/due 2026-03-01\n/priority low", "2026-02-04T10:00:00Z", user("dave"), { databaseId: 50 }),
    );
    const { plan, fields } = decideActionItem({ facts: itemFacts({ comments }), config, botLogin: BOT });
    expect(fields).toEqual({ owner: "dave", due: "2026-03-01", priority: "low" });
    expect(plan.map((w) => w.kind)).toEqual(["react", "update-issue"]);
    const write = issueWrite(plan);
    expect(write?.labels).toEqual(["action-item", "priority: low"]);
    expect(parseActionItemBody(write?.body ?? "")).toMatchObject({
      fields: { due: "2026-03-01", priority: "low" },
      meta: { synced: "1770199200.50" },
    });
  });

  it("applies a command once: the body's cursor passes it, so a person's later edit stays", () => {
    const comments = commentsOf((b) =>
      b.comment("/due 2026-03-01", "2026-02-04T10:00:00Z", user("dave"), {
        databaseId: 50,
        reactions: ["EYES"],
      }),
    );
    const body = ITEM_BODY.replace("key=c35-1 ic=bob", "key=c35-1 ic=bob synced=1770199200.50").replace(
      "2026-02-06",
      "2026-04-01",
    );
    const { plan, fields } = decideActionItem({
      facts: itemFacts({ comments, body }),
      config,
      botLogin: BOT,
    });
    expect(fields.due).toBe("2026-04-01");
    expect(plan).toEqual([]);
  });

  it("re-applies a command comment edited later", () => {
    const comments = commentsOf((b) =>
      b.comment("/due 2026-05-01", "2026-02-04T10:00:00Z", user("dave"), {
        databaseId: 50,
        reactions: ["EYES"],
      }),
    );
    const [comment] = comments;
    if (comment) comment.editedAt = new Date("2026-02-05T10:00:00Z");
    const body = ITEM_BODY.replace("ic=bob", "ic=bob synced=1770199200.50");
    const { fields } = decideActionItem({ facts: itemFacts({ comments, body }), config, botLogin: BOT });
    expect(fields.due).toBe("2026-05-01");
  });

  it("reassigns on /owner: the new owner in, the previous one out", () => {
    const comments = commentsOf((b) => b.comment("/owner @erin", "2026-02-04T10:00:00Z", user("dave")));
    const { plan } = decideActionItem({
      facts: itemFacts({ comments, assignees: ["dave", "zoe"] }),
      config,
      botLogin: BOT,
    });
    expect(issueWrite(plan)?.assignees).toEqual(["zoe", "erin"]);
  });

  it("answers a bad or misplaced command once, with 😕", () => {
    const comments = commentsOf((b) =>
      b.comment("/due someday\n/ack", "2026-02-04T10:00:00Z", user("dave"), { databaseId: 51 }),
    );
    const { plan } = decideActionItem({ facts: itemFacts({ comments }), config, botLogin: BOT });
    expect(plan.map((w) => w.kind)).toEqual(["react", "add-comment", "update-issue"]);
    const reply = plan[1];
    expect(reply?.kind === "add-comment" ? reply.body : "").toContain(
      "`/ack` is an incident command: run it on the incident (#1)",
    );
    const answered = commentsOf((b) => {
      b.comment("/due someday\n/ack", "2026-02-04T10:00:00Z", user("dave"), {
        databaseId: 51,
        reactions: ["CONFUSED"],
      });
      b.comment(reply?.kind === "add-comment" ? reply.body : "", "2026-02-04T10:00:01Z", bot);
    });
    const again = decideActionItem({ facts: itemFacts({ comments: answered }), config, botLogin: BOT });
    expect(again.plan.filter((w) => w.kind !== "update-issue")).toEqual([]);
  });

  it("reads an edited body and says which line it cannot read", () => {
    const body = ITEM_BODY.replace("- **Due:** 2026-02-06", "- **Due:** end of Q1");
    const { plan, fields } = decideActionItem({ facts: itemFacts({ body }), config, botLogin: BOT });
    expect(fields.due).toBeNull();
    expect(plan).toHaveLength(1);
    expect(plan[0]?.kind === "add-comment" ? plan[0].body : "").toContain(
      "The **Due** line says `end of Q1`",
    );
  });

  it("ignores issues the app did not write", () => {
    const decision = decideActionItem({
      facts: itemFacts({ author: user("mallory") }),
      config,
      botLogin: BOT,
    });
    expect(decision).toMatchObject({ meta: null, plan: [], board: [], notice: [] });
  });
});

describe("the project board", () => {
  it("adds the item and sets Due, Priority and Status in one write", () => {
    const { board: writes } = decideActionItem({
      facts: itemFacts({ project: { kind: "found", project: PROJECT } }),
      config: board,
      botLogin: BOT,
    });
    expect(writes).toEqual([
      { kind: "add-project-item", ref: "board-item", projectId: "PVT_1", contentId: "I_7" },
      {
        kind: "set-project-fields",
        projectId: "PVT_1",
        itemId: "⟦board-item.id⟧",
        values: [
          { fieldId: "F_due", field: "Due", date: "2026-02-06" },
          { fieldId: "F_pri", field: "Priority", optionId: "o_high", option: "High" },
          { fieldId: "F_status", field: "Status", optionId: "o_todo", option: "Todo" },
        ],
      },
    ]);
  });

  it("sets only what differs, and Done when the item is closed", () => {
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
    const open = decideActionItem({
      facts: itemFacts({ project: { kind: "found", project: PROJECT }, projectItems }),
      config: board,
      botLogin: BOT,
    });
    expect(open.board).toEqual([]);
    const closed = decideActionItem({
      facts: itemFacts({ state: "CLOSED", project: { kind: "found", project: PROJECT }, projectItems }),
      config: board,
      botLogin: BOT,
    });
    expect(closed.board).toEqual([
      {
        kind: "set-project-fields",
        projectId: "PVT_1",
        itemId: "PVTI_1",
        values: [{ fieldId: "F_status", field: "Status", optionId: "o_done", option: "Done" }],
      },
    ]);
  });

  it.each([
    [{ kind: "missing" } as const, "There is no `acme` project number 1"],
    [
      { kind: "forbidden", message: "Resource not accessible by integration" } as const,
      "Organization projects: read and write",
    ],
    [
      { kind: "found", project: { ...PROJECT, fields: PROJECT.fields.slice(1) } } as const,
      "has no field `Due`",
    ],
  ])("tells the incident once about %j", (project, text) => {
    const first = decideActionItem({ facts: itemFacts({ project }), config: board, botLogin: BOT });
    expect(first.notice).toHaveLength(1);
    const notice = first.notice[0];
    expect(notice).toMatchObject({ kind: "comment-on", subjectId: "I_1", number: 1 });
    expect(notice?.kind === "comment-on" ? notice.body : "").toContain(text);
    const told = itemFacts({
      project,
      incident: {
        id: "I_1",
        number: 1,
        title: "t",
        url: "u",
        comments: [{ body: notice?.kind === "comment-on" ? notice.body : "", author: bot }],
      },
    });
    expect(decideActionItem({ facts: told, config: board, botLogin: BOT }).notice).toEqual([]);
  });
});
