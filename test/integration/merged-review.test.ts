import nock from "nock";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { declaredBuilder } from "../support/declared-builder.js";
import { BOT, bot, type HistoryBuilder, pullFact, user } from "../support/history-builder.js";
import { historyGitHub } from "../support/nock-github.js";
import { isolateNock } from "../support/nock-isolation.js";
import { examplePayload, type ReceiveEvent, testProbot } from "../support/probot.js";

/** The review pull request merged, through probot.receive, GitHub in nock: its table's rows become items once. */
const INCIDENT = {
  number: 1,
  title: "[INC-20260203-001] Search returns no results",
  url: "https://github.com/acme/shop/issues/1",
  state: "CLOSED",
};
const MERGED_AT = "2026-02-04T10:30:00Z";
const REVIEW = `# Post-Incident Review: INC-20260203-001

## Action Items

| Action | Owner | Due | Priority | Status |
|---|---|---|---|---|
| Add an alert on the zero-result rate (#7) | @dave | 2026-02-06 | high | open |
| Add a unit test for division by zero | @dave | 2026-02-05 | medium | TODO |
| Lower the alert threshold | @bob | next week | high | TODO |
`;

/** A declared incident whose review pull request #6 was merged by bob, with the table above. */
function incidentWithMergedReview(): HistoryBuilder {
  const builder = declaredBuilder("2026-02-03T14:23:00Z", 1);
  builder.history.code.branches = { hotfix: null, pir: null };
  builder.history.code.pirPulls = [
    pullFact(6, {
      at: "2026-02-03T15:10:01Z",
      author: bot,
      headRefName: "pir/inc-20260203-001",
      state: "MERGED",
      mergedAt: new Date(MERGED_AT),
      mergedBy: user("bob"),
    }),
  ];
  builder.history.code.mergedReviews = [{ number: 6, file: REVIEW, comments: [] }];
  return builder;
}

const context = () => ({
  repository: {
    defaultBranchRef: { name: "main" },
    configFile: null,
    freezing: { nodes: [] },
    incidents: { nodes: [INCIDENT] },
    pullRequest: {
      number: 6,
      title: "Post-incident review: INC-20260203-001",
      url: "https://github.com/acme/shop/pull/6",
      state: "MERGED",
      headRefName: "pir/inc-20260203-001",
      baseRefName: "main",
      headRefOid: "f".repeat(40),
      author: { __typename: "Bot", login: "incident-bot" },
      commits: { nodes: [{ commit: { checkSuites: { nodes: [] } } }] },
      comments: { nodes: [] },
    },
  },
});

async function merge() {
  const payload = examplePayload("pull_request", "opened") as ReturnType<typeof examplePayload> & {
    action: string;
    pull_request: Record<string, unknown> & { head: { ref: string }; base: { ref: string } };
  };
  payload.action = "closed";
  Object.assign(payload.pull_request, {
    number: 6,
    title: "Post-incident review: INC-20260203-001",
    body: "",
    state: "closed",
    merged: true,
  });
  payload.pull_request.head.ref = "pir/inc-20260203-001";
  const probot = testProbot();
  probot.load(createApp({ clock: () => new Date("2026-02-04T10:30:02Z"), botLogin: async () => BOT }));
  await probot.receive({ id: "d-merge", name: "pull_request", payload } as unknown as ReceiveEvent);
}

isolateNock();

describe("the review pull request merged", () => {
  it("creates an item per new row, notes it, and names the malformed row in one comment on the pull request", async () => {
    const builder = incidentWithMergedReview();
    const github = historyGitHub(builder, "2026-02-04T10:30:03Z", {
      PullRequestContext: context,
      "POST /issues": () => ({
        number: 8,
        html_url: "https://github.com/acme/shop/issues/8",
        node_id: "I_8",
      }),
      "POST /issues/6/comments": (body) => {
        builder.history.code.mergedReviews[0]?.comments.push({ author: bot, body: String(body.body) });
        return { id: 1 };
      },
    });
    await merge();
    expect(github.requests).toEqual([
      "PullRequestContext",
      "IncidentHistory",
      "POST /issues",
      "AddComment",
      "POST /issues/6/comments",
      "UpdateComment",
    ]);
    expect(github.bodies[2]?.body).toMatchObject({
      title: "Add a unit test for division by zero",
      labels: ["action-item", "priority: medium"],
      assignees: ["dave"],
    });
    expect(String(github.bodies[3]?.body.body)).toContain(
      "<!-- incident-app:action-item-created key=pir6-r2 number=8 -->",
    );
    const comment = String(github.bodies[4]?.body.body);
    expect(comment).toContain("<!-- incident-app:pir-items issue=1 pr=6 -->");
    expect(comment).toContain(
      "- Row 2 “Add a unit test for division by zero” → #8 · due 2026-02-05 · medium",
    );
    expect(comment).toContain("Already tracked: row 1 (#7).");
    expect(comment).toContain(
      "- Row 3 “Lower the alert threshold”: Due “next week” is not a date: write it as `YYYY-MM-DD`.",
    );
    expect(String(github.bodies[5]?.body.body)).toContain("Action item [#8]");
  });

  it("redelivered, reads and writes nothing more", async () => {
    const builder = incidentWithMergedReview();
    const answers = {
      PullRequestContext: context,
      "POST /issues": () => ({
        number: 8,
        html_url: "https://github.com/acme/shop/issues/8",
        node_id: "I_8",
      }),
      "POST /issues/6/comments": (body: Record<string, unknown>) => {
        builder.history.code.mergedReviews[0]?.comments.push({ author: bot, body: String(body.body) });
        return { id: 1 };
      },
    };
    historyGitHub(builder, "2026-02-04T10:30:03Z", answers);
    await merge();
    nock.cleanAll();
    const again = historyGitHub(builder, "2026-02-04T10:31:00Z", answers);
    await merge();
    expect(again.requests).toEqual(["PullRequestContext", "IncidentHistory"]);
  });
});
