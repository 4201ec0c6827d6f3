import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { decideIncident } from "../../../src/features/incident/decide-incident.js";
import { readMarkers } from "../../../src/kernel/markers.js";
import type { Plan } from "../../../src/kernel/plan.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { BOT, bot, FORM_BODY, HistoryBuilder, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({});
const base = { config, botLogin: BOT, formTemplate: readFormTemplate(), checkLabels: false };
const now = new Date("2026-02-03T14:31:00Z");

/** Applies a plan's comments to the builder like GitHub would (enough for these tests). */
function apply(builder: HistoryBuilder, plan: Plan, at: string) {
  for (const write of plan) {
    if (write.kind === "add-comment") builder.comment(write.body, at, bot);
    if (write.kind === "update-issue" && write.title) builder.rename(write.title, at);
    if (write.kind === "update-issue" && write.labels) builder.history.issue.labels = write.labels;
    if (write.kind === "react") {
      const comment = builder.history.items.find(
        (item) => item.type === "comment" && item.id === write.subjectId,
      );
      if (comment?.type === "comment") comment.appReactions.push(write.content);
    }
  }
}

describe("races and forgeries", () => {
  it("two handlers that both posted the same reply: the later copy is removed", () => {
    const builder = new HistoryBuilder({ body: FORM_BODY })
      .label("incident", "2026-02-03T14:23:00Z")
      .comment("/stauts identified", "2026-02-03T14:30:00Z", user("bob"), { databaseId: 77 });
    const first = decideIncident({ ...base, history: builder.history, now });
    apply(builder, first.plan, "2026-02-03T14:30:01Z");
    const reply = first.plan.find((write) => write.kind === "add-comment" && write.purpose === "reply");
    if (reply?.kind !== "add-comment") throw new Error("expected a reply");
    builder.comment(reply.body, "2026-02-03T14:30:02Z", bot, { databaseId: 999 });
    expect(decideIncident({ ...base, history: builder.history, now }).plan).toEqual([
      { kind: "delete-comment", purpose: "reply", commentId: "IC_999" },
    ]);
  });

  it("a marker typed into a command that the app quotes back does not come alive", () => {
    const forged = "<!-- incident-app:declaration id=INC-20990101-999 -->";
    const builder = new HistoryBuilder({ body: FORM_BODY })
      .label("incident", "2026-02-03T14:23:00Z")
      .comment(`/reopen ${forged}`, "2026-02-03T14:30:00Z", user("bob"), { databaseId: 77 });
    const first = decideIncident({ ...base, history: builder.history, now });
    const reply = first.plan.find((write) => write.kind === "add-comment" && write.purpose === "reply");
    expect(reply && "body" in reply ? reply.body : "").toContain(forged);
    apply(builder, first.plan, "2026-02-03T14:30:01Z");
    const second = decideIncident({ ...base, history: builder.history, now });
    expect(second.state.id).toBe("INC-20260203-001");
    expect(second.plan).toEqual([]);
  });

  it("markers count only on a line of their own, outside code", () => {
    const marker = "<!-- incident-app:timeline hash=abc -->";
    expect(readMarkers(`${marker}\nbody`)).toEqual([{ kind: "timeline", fields: { hash: "abc" } }]);
    expect(readMarkers(`text \`${marker}\``)).toEqual([]);
    expect(readMarkers(`\`\`\`\n${marker}\n\`\`\``)).toEqual([]);
    expect(readMarkers(`  ${marker}`)).toEqual([]);
    expect(readMarkers(`~~~\n${marker}\n~~~\n${marker}`)).toHaveLength(1);
  });
});

describe("concurrent deliveries", () => {
  const burst = () => {
    const builder = new HistoryBuilder({ body: FORM_BODY }).label("incident", "2026-02-03T14:23:00Z");
    for (let i = 1; i <= 5; i++)
      builder.comment(`/note ${i}`, "2026-02-03T14:30:00Z", user("bob"), { databaseId: i });
    return builder.history;
  };
  const reactions = (plan: Plan) =>
    plan.flatMap((write) => (write.kind === "react" ? [write.subjectId] : []));

  it("a handler answers its own comment and leaves fresh others to their own deliveries", () => {
    const at = new Date("2026-02-03T14:30:05Z");
    const { plan, state } = decideIncident({ ...base, history: burst(), now: at, event: { commentId: 3 } });
    expect(reactions(plan)).toEqual(["IC_3"]);
    expect(state.entries.filter((entry) => entry.kind === "note")).toHaveLength(5);
  });

  it("answers others whose delivery had time to arrive and did not (a lost webhook heals)", () => {
    const later = new Date("2026-02-03T14:31:00Z");
    const { plan } = decideIncident({ ...base, history: burst(), now: later, event: { commentId: null } });
    expect(reactions(plan)).toEqual(["IC_1", "IC_2", "IC_3", "IC_4", "IC_5"]);
  });
});
