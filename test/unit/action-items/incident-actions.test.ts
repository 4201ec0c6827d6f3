import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { decideIncident } from "../../../src/features/incident/decide-incident.js";
import { parseActionItemBody } from "../../../src/kernel/action-item-body.js";
import type { ReferencingIssue } from "../../../src/kernel/history.js";
import type { Write } from "../../../src/kernel/plan.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { declaredBuilder } from "../../support/declared-builder.js";
import { BOT, bot, type HistoryBuilder, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({});
const base = { config, botLogin: BOT, formTemplate: readFormTemplate(), checkLabels: false };
const now = new Date("2026-02-03T15:00:00Z");
type Create = Extract<Write, { kind: "create-issue" }>;

/** A declared incident whose declaration and timeline the app has written. */
function declared() {
  return declaredBuilder("2026-02-03T14:23:02Z", 1);
}

function crossReference(
  builder: HistoryBuilder,
  number: number,
  body: string,
  state: "OPEN" | "CLOSED" = "OPEN",
  closed: { at: string; closer: ReferencingIssue["closer"] } | null = null,
) {
  builder.history.items.push({
    type: "cross-referenced",
    id: `CRE_${number}`,
    at: new Date("2026-02-03T14:42:01Z"),
    actor: bot,
    source: {
      kind: "Issue",
      number,
      title: "Add an alert",
      url: `https://github.com/acme/shop/issues/${number}`,
      state,
      author: bot,
      body,
      closedAt: closed ? new Date(closed.at) : null,
      closer: closed?.closer ?? null,
      headRef: null,
      mergedAt: null,
    },
  });
}

describe("/action on an incident", () => {
  it("plans the issue (labels, assignee, body) and a note naming it", () => {
    const builder = declared().comment(
      "/action Add an alert @dave due:2026-02-06 priority:high",
      "2026-02-03T14:42:00Z",
      user("bob"),
      {
        databaseId: 71,
      },
    );
    const { plan } = decideIncident({ ...base, history: builder.history, now });
    const create = plan.find((w): w is Create => w.kind === "create-issue");
    expect(create).toMatchObject({
      ref: "c71-1",
      title: "Add an alert",
      labels: ["action-item", "priority: high"],
      assignees: ["dave"],
    });
    expect(parseActionItemBody(create?.body ?? "")).toEqual({
      fields: { owner: "dave", due: "2026-02-06", priority: "high" },
      problems: [],
      meta: { incident: 1, key: "c71-1", ic: null, synced: null },
    });
    const note = plan[plan.indexOf(create as Write) + 1];
    expect(note?.kind === "add-comment" ? note.body : "").toContain(
      "<!-- incident-app:action-item-created key=c71-1 number=⟦c71-1.number⟧ -->",
    );
  });

  it("fills in the defaults: the author owns it, due in a week, medium", () => {
    const builder = declared().comment("/action Write the runbook", "2026-02-03T14:42:00Z", user("bob"), {
      databaseId: 72,
    });
    const create = decideIncident({ ...base, history: builder.history, now }).plan.find(
      (w): w is Create => w.kind === "create-issue",
    );
    expect(parseActionItemBody(create?.body ?? "").fields).toEqual({
      owner: "bob",
      due: "2026-02-10",
      priority: "medium",
    });
  });

  it("creates nothing again once the note or the cross-reference is there", () => {
    const withNote = declared()
      .comment("/action Add an alert @dave", "2026-02-03T14:42:00Z", user("bob"), {
        databaseId: 71,
        reactions: ["EYES"],
      })
      .comment(
        "<!-- incident-app:action-item-created key=c71-1 number=9 -->\n📌",
        "2026-02-03T14:42:01Z",
        bot,
      );
    const notePlan = decideIncident({ ...base, history: withNote.history, now }).plan;
    expect(notePlan.filter((w) => w.kind === "create-issue")).toEqual([]);

    const body =
      "<!-- incident-app:action-item incident=1 key=c71-1 -->\n- **Owner:** @dave\n- **Due:** 2026-02-06";
    const withReference = declared().comment(
      "/action Add an alert @dave",
      "2026-02-03T14:42:00Z",
      user("bob"),
      {
        databaseId: 71,
        reactions: ["EYES"],
      },
    );
    crossReference(withReference, 9, body);
    const referencePlan = decideIncident({ ...base, history: withReference.history, now }).plan;
    expect(referencePlan.filter((w) => w.kind === "create-issue")).toEqual([]);
    // The issue exists but the note naming it was lost: the note is written, once.
    const notes = referencePlan.filter(
      (w): w is Extract<Write, { kind: "add-comment" }> =>
        w.kind === "add-comment" && w.body.includes("action-item-created"),
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]?.body).toContain("key=c71-1 number=9");
    expect(notes[0]?.body).toContain("https://github.com/acme/shop/issues/9");
  });

  it("lists each item on the timeline with its state, and says when all are done", () => {
    const builder = declared();
    crossReference(
      builder,
      9,
      "<!-- incident-app:action-item incident=1 key=c71-1 -->\n- **Owner:** @dave\n- **Due:** 2026-02-06",
      "CLOSED",
    );
    const { plan } = decideIncident({ ...base, history: builder.history, now });
    const timeline = plan.find((w) => w.kind === "update-comment" && w.purpose === "timeline");
    const body = timeline?.kind === "update-comment" ? timeline.body : "";
    expect(body).toContain(
      "Action item [#9](https://github.com/acme/shop/issues/9) · **✅ done** · owner @dave, due 2026-02-06",
    );
    expect(body).toContain("✅ The action item is done.");
  });

  it("names the pull request that closed an item on the timeline, in another repository as owner/repo#N", () => {
    const builder = declared();
    const body = "<!-- incident-app:action-item incident=1 key=c71-1 -->\n- **Owner:** @dave";
    crossReference(builder, 9, body, "CLOSED", {
      at: "2026-02-04T09:30:00Z",
      closer: { kind: "pull", repo: "acme/api", number: 40, url: "https://github.com/acme/api/pull/40" },
    });
    crossReference(builder, 10, body.replace("c71-1", "c71-2"), "CLOSED", {
      at: "2026-02-04T09:40:00Z",
      closer: {
        kind: "commit",
        repo: "acme/shop",
        oid: "3f2a9c1d",
        url: "https://github.com/acme/shop/commit/3f2a9c1d",
      },
    });
    crossReference(builder, 11, body.replace("c71-1", "c71-3"), "CLOSED", {
      at: "2026-02-04T09:50:00Z",
      closer: null,
    });
    const { plan } = decideIncident({
      ...base,
      history: builder.history,
      now: new Date("2026-02-04T10:00:00Z"),
    });
    const timeline = plan.find((w) => w.kind === "update-comment" && w.purpose === "timeline");
    const text = timeline?.kind === "update-comment" ? timeline.body : "";
    expect(text).toContain(
      "✅ Action item [#9](https://github.com/acme/shop/issues/9) closed by [acme/api#40](https://github.com/acme/api/pull/40)",
    );
    expect(text).toContain(
      "✅ Action item [#10](https://github.com/acme/shop/issues/10) closed by [`3f2a9c1`](https://github.com/acme/shop/commit/3f2a9c1d)",
    );
    // Closed by hand: the item's row says done, no row names a closer.
    expect(text).not.toContain("Action item [#11](https://github.com/acme/shop/issues/11) closed by");
    expect(text).toMatch(
      /Action item \[#11\]\(https:\/\/github\.com\/acme\/shop\/issues\/11\) · \*\*✅ done\*\*/,
    );
  });

  it("trusts only the app's items: a person's issue with a copied marker is not one", () => {
    const builder = declared();
    crossReference(builder, 9, "<!-- incident-app:action-item incident=1 key=c71-1 -->");
    const item = builder.history.items.at(-1);
    if (item?.type === "cross-referenced") item.source.author = user("mallory");
    const { state } = decideIncident({ ...base, history: builder.history, now });
    expect(state.actionItems).toEqual([]);
  });

  it("points /due, /owner and /priority on the incident to the action item", () => {
    const builder = declared().comment("/due 2026-03-01", "2026-02-03T14:42:00Z", user("bob"), {
      databaseId: 73,
    });
    const reply = decideIncident({ ...base, history: builder.history, now }).plan.find(
      (w) => w.kind === "add-comment",
    );
    expect(reply?.kind === "add-comment" ? reply.body : "").toContain(
      "changes an action item: run it in a comment on the action item's issue",
    );
  });
});
