import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { decideIncident } from "../../../src/features/incident/decide-incident.js";
import { parseActionItemBody } from "../../../src/kernel/action-item-body.js";
import { type CreatedIssue, fillRefs, type Plan, type Write } from "../../../src/kernel/plan.js";
import { project } from "../../../src/kernel/projection/project-history.js";
import {
  MAX_REVIEW_ITEMS,
  mergedReviews,
  normalText,
} from "../../../src/kernel/projection/review-action-items.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { declaredBuilder } from "../../support/declared-builder.js";
import { BOT, bot, type HistoryBuilder, pullFact, user } from "../../support/history-builder.js";

/** Rows of the merged review's action-items table become action items, once. */
const config = ConfigSchema.parse({});
const base = { config, botLogin: BOT, formTemplate: readFormTemplate(), checkLabels: false };
const now = new Date("2026-02-04T10:30:05Z");
type Create = Extract<Write, { kind: "create-issue" }>;

const TABLE = `# Post-Incident Review: INC-20260203-001

## Action Items

| Action | Owner | Due | Priority | Status |
|---|---|---|---|---|
| Add an alert on the zero-result rate (#7) | @dave | 2026-02-06 | high | open |
| Add a unit test for division by zero | @dave | 2026-02-05 | medium | TODO |
| Document the rollback procedure | @carol | 2026-02-13 | low |  |
| Lower the alert threshold | @bob | YYYY-MM-DD | high | TODO |
| Remove the old dashboard | @carol | 2026-02-01 | low | Done |
| Page the database team sooner | | | | tracked in #12 |
| Write the runbook | @erin | 2026-02-20 | low | TODO |

## Lessons Learned
`;

/** A declared, resolved incident with `/action Write the runbook` pending and review #6 merged by bob. */
function merged(file: string | null = TABLE, comments: Array<{ author: typeof bot; body: string }> = []) {
  const builder = declaredBuilder("2026-02-03T14:23:02Z", 1);
  builder.history.code.branches = { hotfix: null, pir: null };
  builder.history.code.pirPulls = [
    pullFact(6, {
      at: "2026-02-03T15:10:01Z",
      author: bot,
      headRefName: "pir/inc-20260203-001",
      state: "MERGED",
      mergedAt: new Date("2026-02-04T10:30:00Z"),
      mergedBy: user("bob"),
    }),
  ];
  builder.history.code.mergedReviews = [{ number: 6, file, comments }];
  return builder;
}

/** What GitHub would return after the plan: numbered issues, the notes, the pull request comment. */
function apply(builder: HistoryBuilder, plan: Plan, first: number): Map<string, CreatedIssue> {
  const created = new Map<string, CreatedIssue>();
  for (const write of plan) {
    if (write.kind === "create-issue") {
      const number = first + created.size;
      created.set(write.ref, {
        ref: write.ref,
        number,
        url: `https://github.com/acme/shop/issues/${number}`,
        id: `I_${number}`,
      });
    } else if (write.kind === "add-comment") {
      builder.comment(fillRefs(write.body, created), "2026-02-04T10:30:06Z", bot);
    } else if (write.kind === "comment-on-pull") {
      builder.history.code.mergedReviews[0]?.comments.push({
        author: bot,
        body: fillRefs(write.body, created),
      });
    }
  }
  return created;
}

describe("mergedReviews", () => {
  it("sorts each row: new, tracked by a link or by its text, done, malformed", () => {
    const builder = merged().comment("/action Write the runbook @erin", "2026-02-03T15:20:00Z", user("bob"), {
      databaseId: 80,
    });
    const state = project(builder.history, base);
    const [review] = mergedReviews(state, builder.history, config);
    expect(review?.rows.map((row) => [row.row, row.kind, row.kind === "tracked" ? row.issue : null])).toEqual(
      [
        [1, "tracked", 7],
        [2, "new", null],
        [3, "new", null],
        [4, "malformed", null],
        [5, "done", null],
        [6, "tracked", 12],
        [7, "tracked", null],
      ],
    );
    expect(state.actionRequests.map((request) => request.key)).toEqual(["c80-1", "pir6-r2", "pir6-r3"]);
  });

  it("fills in the defaults from the merge: bob merged it, due a week later, medium", () => {
    const state = project(
      merged("| Action | Owner | Due |\n|---|---|---|\n| Add pool metrics | | |\n").history,
      base,
    );
    expect(state.actionRequests).toEqual([
      expect.objectContaining({
        key: "pir6-r1",
        text: "Add pool metrics",
        owner: "bob",
        due: "2026-02-11",
        priority: "medium",
        by: "bob",
        review: { pull: 6, row: 1 },
      }),
    ]);
  });

  it("reads nothing from a review that is not merged, or whose merge lacks the file", () => {
    const open = merged();
    const [pull] = open.history.code.pirPulls;
    if (pull) Object.assign(pull, { state: "OPEN", mergedAt: null });
    expect(project(open.history, base).actionRequests).toEqual([]);
    expect(project(merged(null).history, base).actionRequests).toEqual([]);
  });

  it("makes at most 20 items of one table", () => {
    const rows = Array.from(
      { length: MAX_REVIEW_ITEMS + 2 },
      (_, i) => `| Follow-up ${i + 1} | @dave | 2026-03-01 |`,
    );
    const builder = merged(`| Action | Owner | Due |\n|---|---|---|\n${rows.join("\n")}\n`);
    const [review] = mergedReviews(project(builder.history, base), builder.history, config);
    expect(review?.rows.filter((row) => row.kind === "new")).toHaveLength(MAX_REVIEW_ITEMS);
    expect(review?.rows.at(-1)).toMatchObject({
      kind: "malformed",
      errors: ["the table has more than 20 new rows"],
    });
  });

  it("compares texts as the app writes them into the review", () => {
    expect(normalText("Fix &lt;b&gt; for @\u200bdave (#7)")).toBe(normalText("fix <b> for @dave"));
  });
});

describe("a merged review on the incident", () => {
  it("creates an issue per new row and notes each; the next round comments once on the pull request", () => {
    const builder = merged();
    const { plan } = decideIncident({ ...base, history: builder.history, now });
    const creates = plan.filter((w): w is Create => w.kind === "create-issue");
    expect(creates.map((w) => [w.ref, w.title, w.labels, w.assignees])).toEqual([
      ["pir6-r2", "Add a unit test for division by zero", ["action-item", "priority: medium"], ["dave"]],
      ["pir6-r3", "Document the rollback procedure", ["action-item", "priority: low"], ["carol"]],
      ["pir6-r7", "Write the runbook", ["action-item", "priority: low"], ["erin"]],
    ]);
    expect(parseActionItemBody(creates[0]?.body ?? "")).toMatchObject({
      fields: { owner: "dave", due: "2026-02-05", priority: "medium" },
      meta: { incident: 1, key: "pir6-r2" },
    });
    const notes = plan.filter((w) => w.kind === "add-comment" && w.body.includes("action-item-created"));
    expect(notes[0]?.kind === "add-comment" ? notes[0].body : "").toContain(
      "📌 **Action item #⟦pir6-r2.number⟧** from the merged review: [Add a unit test for division by zero]",
    );
    // The pull request's comment names the issues, so it waits for them; the timeline waits too.
    expect(plan.filter((w) => w.kind === "comment-on-pull" || w.kind === "update-comment")).toEqual([]);

    apply(builder, plan, 8);
    const next = decideIncident({ ...base, history: builder.history, now }).plan;
    expect(next.map((w) => w.kind)).toEqual(["comment-on-pull", "update-comment"]);
    expect(next[0]).toMatchObject({ pr: 6, failure: { key: "pir-items:6" } });
    expect(next[0]?.kind === "comment-on-pull" ? next[0].body : "").toBe(
      `<!-- incident-app:pir-items issue=1 pr=6 -->
📌 **Action items from this review** of [INC-20260203-001](https://github.com/acme/shop/issues/1)

- Row 2 “Add a unit test for division by zero” → #8 · due 2026-02-05 · medium
- Row 3 “Document the rollback procedure” → #9 · due 2026-02-13 · low
- Row 7 “Write the runbook” → #10 · due 2026-02-20 · low

Already tracked: row 1 (#7), row 6 (#12).
Marked done, nothing to track: row 5.

⚠️ One row was not turned into an action item:

- Row 4 “Lower the alert threshold”: Due is still the template's \`YYYY-MM-DD\`: fill in a date.

The review is merged, so editing its table changes nothing now: track it with \`/action <text> @owner due:YYYY-MM-DD priority:medium\` on [the incident](https://github.com/acme/shop/issues/1).
`,
    );
    const timeline = next[1]?.kind === "update-comment" ? next[1].body : "";
    expect(timeline).toContain(
      "Action item [#8](https://github.com/acme/shop/issues/8) · **open** · owner @dave, due 2026-02-05",
    );
  });

  it("plans nothing more once the items and the comment exist", () => {
    const builder = merged();
    apply(builder, decideIncident({ ...base, history: builder.history, now }).plan, 8);
    const next = decideIncident({ ...base, history: builder.history, now }).plan;
    apply(builder, next, 20);
    for (const write of next)
      if (write.kind === "update-comment") {
        const comment = builder.history.items.find(
          (item) => item.type === "comment" && item.id === write.commentId,
        );
        if (comment?.type === "comment") comment.body = write.body;
      }
    expect(decideIncident({ ...base, history: builder.history, now }).plan).toEqual([]);
    expect(project(builder.history, base).actionItems.map((item) => [item.key, item.number])).toEqual([
      ["pir6-r2", 8],
      ["pir6-r3", 9],
      ["pir6-r7", 10],
    ]);
  });

  it("with only malformed rows, comments at once and creates nothing", () => {
    const builder = merged(
      "| Action | Owner | Due |\n|---|---|---|\n| Add pool metrics | alice smith | soon |\n",
    );
    const { plan } = decideIncident({ ...base, history: builder.history, now });
    expect(plan.filter((w) => w.kind === "create-issue")).toEqual([]);
    const comment = plan.find((w) => w.kind === "comment-on-pull");
    expect(comment?.kind === "comment-on-pull" ? comment.body : "").toContain(
      "- Row 1 “Add pool metrics”: Owner “alice smith” is not a GitHub user or team: write `@alice` or `@org/team`; Due “soon” is not a date: write it as `YYYY-MM-DD`.",
    );
  });

  it("quotes people's cells without mentions or HTML", () => {
    const builder = merged(
      "| Action | Owner | Due |\n|---|---|---|\n| Ping @mallory <img src=x> ` | `@root <b>` | soon |\n",
    );
    const comment = decideIncident({ ...base, history: builder.history, now }).plan.find(
      (w) => w.kind === "comment-on-pull",
    );
    const body = comment?.kind === "comment-on-pull" ? comment.body : "";
    expect(body).toContain(
      "- Row 1 “Ping @\u200bmallory &lt;img src=x&gt; '”: Owner “'@\u200broot &lt;b&gt;'” is not",
    );
    expect(body).toContain("write `@alice` or `@org/team`");
    expect(body.replace(/^<!--.*-->\n/, "").replace(/`[^`]*`/g, "")).not.toMatch(/@[a-z]|</);
  });

  it("says nothing on the pull request when every row was tracked already", () => {
    const builder = merged(
      "| Action | Owner | Due |\n|---|---|---|\n| Add an alert (#7) | @dave | 2026-02-06 |\n",
    );
    const { plan } = decideIncident({ ...base, history: builder.history, now });
    expect(plan.filter((w) => w.kind === "create-issue" || w.kind === "comment-on-pull")).toEqual([]);
  });

  it("does not trust a marker someone else typed on the pull request, nor comment after a refusal was told", () => {
    const forged = merged("| Action | Owner | Due |\n|---|---|---|\n| x | y | z |\n", [
      { author: user("mallory"), body: "<!-- incident-app:pir-items issue=1 pr=6 -->" },
    ]);
    expect(
      decideIncident({ ...base, history: forged.history, now }).plan.filter(
        (w) => w.kind === "comment-on-pull",
      ),
    ).toHaveLength(1);
    forged.comment("<!-- incident-app:reply key=pir-items:6 -->\n⚠️ Could not …", "2026-02-04T10:30:06Z", bot);
    expect(
      decideIncident({ ...base, history: forged.history, now }).plan.filter(
        (w) => w.kind === "comment-on-pull",
      ),
    ).toEqual([]);
  });
});
