import { describe, expect, it } from "vitest";
import { parseComment } from "../../../src/commands/index.js";
import { ConfigSchema } from "../../../src/config/schema.js";
import { decideIncident } from "../../../src/features/incident/decide-incident.js";
import { parseContext, project } from "../../../src/kernel/projection/project-history.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { BOT, FORM_BODY, HistoryBuilder, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({});
const ctx = { config, botLogin: BOT, formTemplate: readFormTemplate() };
const bob = user("bob");
const now = new Date("2026-02-03T15:00:00Z");

function filed() {
  return new HistoryBuilder({ body: FORM_BODY }).label("incident", "2026-02-03T14:23:00Z");
}

describe("/false-positive and /drill", () => {
  it("parses both, with the reason and the aliases", () => {
    const lines = parseComment(
      "/false-positive threshold too low\n/not-an-incident\n/drill\n/game-day",
      parseContext(config, now),
    );
    expect(lines.map((line) => (line.ok ? line.command : line.error))).toEqual([
      { kind: "false-positive", reason: "threshold too low" },
      { kind: "false-positive", reason: null },
      { kind: "drill" },
      { kind: "drill" },
    ]);
  });

  it("resolves a false positive, records why, and closes it as not planned with the label", () => {
    const history = filed().comment(
      "/false-positive the alert fired on a test host",
      "2026-02-03T14:30:00Z",
      bob,
    ).history;
    const state = project(history, ctx);
    expect(state.falsePositive).toMatchObject({ by: "bob", reason: "the alert fired on a test host" });
    expect(state.status).toBe("resolved");
    expect(state.entries.map((entry) => entry.kind)).toContain("false-positive");
    const { plan } = decideIncident({ ...ctx, history, now, checkLabels: false });
    expect(plan[0]).toMatchObject({
      kind: "update-issue",
      labels: ["incident", "SEV-2", "status: resolved", "false-positive"],
      state: "closed",
      stateReason: "not_planned",
    });
  });

  it("forgets the false positive when the incident is reopened", () => {
    const history = filed()
      .comment("/false-positive", "2026-02-03T14:30:00Z", bob)
      .comment("/reopen it was real after all", "2026-02-03T14:40:00Z", bob).history;
    expect(project(history, ctx).falsePositive).toBeNull();
  });

  it("counts closing as not planned as a false positive", () => {
    const history = filed().close("2026-02-03T14:30:00Z", bob, "NOT_PLANNED").history;
    expect(project(history, ctx).falsePositive).toMatchObject({ reason: "closed as not planned" });
  });

  it("marks a drill by command or label, once, and keeps the label on", () => {
    const byCommand = filed()
      .comment("/drill", "2026-02-03T14:24:00Z", bob)
      .comment("/drill", "2026-02-03T14:25:00Z", bob);
    const state = project(byCommand.history, ctx);
    expect(state.drill).toMatchObject({ by: "bob" });
    expect(state.entries.filter((entry) => entry.kind === "drill")).toHaveLength(1);
    const { plan } = decideIncident({ ...ctx, history: byCommand.history, now, checkLabels: false });
    expect(plan[0]).toMatchObject({ labels: ["incident", "SEV-2", "status: investigating", "drill"] });

    const byLabel = filed().label("drill", "2026-02-03T14:23:00Z");
    expect(project(byLabel.history, ctx).drill).toMatchObject({ by: "alice" });
    byLabel.unlabel("drill", "2026-02-03T14:40:00Z", bob);
    expect(project(byLabel.history, ctx).drill).toBeNull();
  });
});
