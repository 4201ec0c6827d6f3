import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { decideIncident } from "../../../src/features/incident/decide-incident.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { BOT, bot, FORM_BODY, HistoryBuilder, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({ onCall: { primary: ["oncall-ann"] } });
const base = { config, botLogin: BOT, formTemplate: readFormTemplate(), checkLabels: false };
const now = new Date("2026-02-03T14:23:05Z");

describe("decideIncident", () => {
  it("plans a declaration: title, labels, on-call, declaration, checklist and timeline", () => {
    const history = new HistoryBuilder({ body: FORM_BODY }).label("incident", "2026-02-03T14:23:00Z").history;
    const { plan, state } = decideIncident({ ...base, history, now });
    expect(state.id).toBe("INC-20260203-001");
    expect(plan.map((write) => write.kind)).toEqual([
      "update-issue",
      "add-comment",
      "add-comment",
      "add-comment",
    ]);
    expect(plan[0]).toEqual({
      kind: "update-issue",
      title: "[INC-20260203-001] Search returns no results",
      labels: ["incident", "SEV-2", "status: investigating"],
      assignees: ["oncall-ann"],
    });
    const [, declaration, checklist, timeline] = plan;
    expect(declaration).toMatchObject({ purpose: "declaration" });
    expect(checklist).toMatchObject({ purpose: "checklist" });
    expect(timeline).toMatchObject({ purpose: "timeline" });
    if (declaration?.kind !== "add-comment" || timeline?.kind !== "add-comment") throw new Error("comments");
    expect(declaration.body).toContain("Incident declared: INC-20260203-001");
    expect(declaration.body).toContain("@oncall-ann (assigned)");
    expect(timeline.body).toContain("<!-- incident-app:timeline hash=");
    expect(timeline.body).toContain(
      "| 14:23 | Declared **SEV-2**, status **investigating** (from the form) | @alice |",
    );
  });

  it("plans nothing once the app's writes are in the history", () => {
    const builder = new HistoryBuilder({ body: FORM_BODY }).label("incident", "2026-02-03T14:23:00Z");
    const first = decideIncident({ ...base, history: builder.history, now });
    builder.rename("[INC-20260203-001] Search returns no results", "2026-02-03T14:23:01Z");
    builder
      .label("SEV-2", "2026-02-03T14:23:01Z", bot)
      .label("status: investigating", "2026-02-03T14:23:01Z", bot);
    builder.history.issue.assignees = ["oncall-ann"];
    for (const write of first.plan) {
      if (write.kind === "add-comment") builder.comment(write.body, "2026-02-03T14:23:02Z", bot);
    }
    expect(decideIncident({ ...base, history: builder.history, now }).plan).toEqual([]);
  });

  it("answers a typo once with 😕 and a reply that suggests the command", () => {
    const builder = new HistoryBuilder({ body: FORM_BODY })
      .label("incident", "2026-02-03T14:23:00Z")
      .comment("/stauts identified", "2026-02-03T14:30:00Z", user("bob"), { databaseId: 77 });
    const { plan } = decideIncident({ ...base, history: builder.history, now });
    const react = plan.find((write) => write.kind === "react");
    expect(react).toMatchObject({ content: "CONFUSED", subjectId: "IC_77" });
    const reply = plan.find((write) => write.kind === "add-comment" && write.purpose === "reply");
    expect(reply && "body" in reply ? reply.body : "").toMatch(/status/);
  });
});
