import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { parseSections, refreshSections } from "../../../src/features/code-response/pir-sections.js";
import { renderPir } from "../../../src/features/code-response/pir-view.js";
import { project } from "../../../src/kernel/projection/project-history.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { BUILT_IN_TEMPLATES } from "../../../src/render/renderer.js";
import { BOT, bot, FORM_BODY, HistoryBuilder, pullFact, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({});
const ctx = { config, botLogin: BOT, formTemplate: readFormTemplate() };
const ID = "INC-20260203-001";

/** The seed plan's incident: declared 14:23, acknowledged 14:25, reverted, mitigated 14:40, resolved 15:10. */
function incident() {
  const builder = new HistoryBuilder({ body: FORM_BODY })
    .label("incident", "2026-02-03T14:23:00Z")
    .comment(`<!-- incident-app:declaration id=${ID} -->\nDeclared`, "2026-02-03T14:23:02Z", bot)
    .comment("/ack", "2026-02-03T14:25:00Z", user("bob"))
    .comment("/lead @dave\n/comms @carol", "2026-02-03T14:28:00Z", user("bob"))
    .comment("/note at 14:15 Deploy #123 completed", "2026-02-03T14:30:00Z", user("dave"))
    .comment("/revert #1", "2026-02-03T14:35:00Z", user("dave"), { databaseId: 70 })
    .mentionedBy(
      pullFact(4, {
        at: "2026-02-03T14:35:05Z",
        title: 'Revert "Tune search result scoring"',
        headRefName: "revert-1-tune",
        author: bot,
        body: "<!-- incident-app:revert issue=1 pr=1 source=70:1 -->\nReverts #1",
        state: "MERGED",
        mergedAt: new Date("2026-02-03T14:37:00Z"),
        mergedBy: user("dave"),
      }),
    )
    .comment("/mitigated", "2026-02-03T14:40:00Z", user("dave"))
    .comment("/resolve Rolled back deploy #123", "2026-02-03T15:10:00Z", user("bob"));
  builder.history.code.hotfixPulls = [
    pullFact(5, {
      at: "2026-02-03T14:44:00Z",
      headRefName: "hotfix/inc-20260203-001",
      title: "Guard scoring",
    }),
  ];
  const state = project(builder.history, ctx);
  const at = new Date("2026-02-03T15:20:00Z");
  const url = "https://github.com/acme/shop/issues/1#issuecomment-9";
  const text = "Add edge case tests | scoring";
  state.actionRequests = [
    { key: "c9-1", text, owner: "dave", due: "2026-02-05", priority: "high", by: "bob", at, url },
  ];
  state.actionItems = [
    {
      key: "c9-1",
      number: 12,
      title: text,
      url: "https://github.com/acme/shop/issues/12",
      open: true,
      owner: "dave",
      due: "2026-02-05",
      at,
      noted: true,
      closedAt: null,
      closer: null,
    },
  ];
  return { history: builder.history, state };
}

const render = (input = incident()) =>
  renderPir({
    ...input,
    config,
    id: ID,
    title: "Search returns no results",
    suspects: null,
    reviewers: ["bob", "dave"],
    now: new Date("2026-02-03T15:11:00Z"),
    templates: BUILT_IN_TEMPLATES,
  });

describe("the post-incident review file", () => {
  it("has every heading of the plans' templates", () => {
    const headings = render()
      .split("\n")
      .filter((line) => /^#{1,3} /.test(line));
    expect(headings).toEqual([
      `# Post-Incident Review: ${ID} · Search returns no results`,
      "## Incident Summary",
      "## Impact",
      "## Timeline (UTC)",
      "## Response Times",
      "## Code Changes",
      "## Root Cause",
      "## Contributing Factors",
      "## Five Whys",
      "## What Went Well",
      "## What Could Be Improved",
      "## Action Items",
      "## Lessons Learned",
      "## Prevention Measures",
      "### Short-term",
      "### Long-term",
    ]);
  });

  it("is prefilled: summary, roles, timeline, durations against targets, linked pull requests", () => {
    const text = render();
    expect(text).toContain("| **Duration** | 47m (14:23 – 15:10 UTC) |");
    expect(text).toContain("| **IC** | @bob |");
    expect(text).toContain("| **Tech lead** | @dave |");
    expect(text).toContain("**Resolution:** Rolled back deploy #123");
    expect(text).toContain("| 14:15 | Note: “Deploy #123 completed” _(back-dated)_");
    expect(text).toContain(
      '| 14:35 | Revert PR #4 (reverts #1) opened: “Revert "Tune search result scoring"”',
    );
    expect(text).toContain("| 14:37 | Revert PR #4 (reverts #1) merged");
    expect(text).toContain("| 14:44 | Hotfix PR #5 opened: “Guard scoring”");
    expect(text).toContain("| Acknowledge | 14:25 | 2m | 15m | ✅ met |");
    expect(text).toContain("| Resolve | 15:10 | 47m | 4h | ✅ met |");
    expect(text).toContain(
      "| revert of [#1](https://github.com/acme/shop/pull/1) | 14:35 | merged 14:37 | app |",
    );
    expect(text).toContain("| hotfix | 14:44 | open | `dave` |");
    expect(text).toContain("**Review due:** 2026-02-05 15:10 UTC · **Reviewers:** @bob, @dave");
  });

  it("keeps the action items table in the format the merge parses, one item per row", () => {
    const text = render();
    expect(text).toContain(
      "| Action | Owner | Due | Priority | Status |\n|---|---|---|---|---|\n| Add edge case tests \\| scoring (#12) | @dave | 2026-02-05 | high | open |\n",
    );
    const empty = incident();
    empty.state.actionItems = [];
    empty.state.actionRequests = [];
    expect(render(empty)).toContain(
      "| Action | Owner | Due | Priority | Status |\n|---|---|---|---|---|\n\n",
    );
  });

  it("names the pull request that closed an action item in its Status cell", () => {
    const closed = incident();
    const [item] = closed.state.actionItems;
    if (!item) throw new Error("the fixture has an action item");
    Object.assign(item, {
      open: false,
      closedAt: new Date("2026-02-04T10:00:00Z"),
      closer: { kind: "pull", repo: "acme/api", number: 40, url: "https://github.com/acme/api/pull/40" },
    });
    expect(render(closed)).toContain(
      "| Add edge case tests \\| scoring (#12) | @dave | 2026-02-05 | high | done, closed by [acme/api#40](https://github.com/acme/api/pull/40) |\n",
    );
    item.closer = {
      kind: "pull",
      repo: "acme/shop",
      number: 41,
      url: "https://github.com/acme/shop/pull/41",
    };
    expect(render(closed)).toContain("| done, closed by [#41](https://github.com/acme/shop/pull/41) |\n");
    item.closer = null;
    expect(render(closed)).toContain("| high | done |\n");
  });

  it("never lets people's text inject HTML or mention anyone", () => {
    const input = incident();
    input.state.form.impact = "<script>alert(1)</script> ask @alice";
    const text = render(input);
    expect(text).toContain("&lt;script&gt;");
    expect(text).not.toContain("ask @alice");
  });
});

describe("refreshing the review", () => {
  it("replaces sections nobody edited and keeps those people edited", () => {
    const first = render();
    const edited = first.replace("**Technical:**\n", "**Technical:**\n\nDivision by zero in scoring.\n");
    const later = incident();
    // An accepted `/action` whose issue is not created yet.
    later.state.actionRequests.push({
      key: "c10-1",
      text: "Stage rollouts",
      owner: "erin",
      due: null,
      priority: "medium",
      by: "bob",
      at: new Date("2026-02-03T15:21:00Z"),
      url: "https://github.com/acme/shop/issues/1#issuecomment-10",
    });
    const refreshed = refreshSections(edited, render(later));
    expect(refreshed.kept).toEqual(["Root Cause"]);
    expect(refreshed.updated).toEqual(["Action Items"]);
    expect(refreshed.text).toContain("Division by zero in scoring.");
    expect(refreshed.text).toContain("| Stage rollouts | @erin |  | medium | open |");
    // Unchanged again: refreshing twice changes nothing.
    expect(refreshSections(refreshed.text, render(later)).text).toBe(refreshed.text);
  });

  it("keeps sections people added", () => {
    const withNotes = `${render()}\n## Notes from the meeting\n\nWe agreed on canaries.\n`;
    const refreshed = refreshSections(withNotes, render());
    expect(refreshed.text).toContain("## Notes from the meeting\n\nWe agreed on canaries.");
    expect(parseSections(refreshed.text).map((s) => s.name)).toContain("notes-from-the-meeting");
  });
});
