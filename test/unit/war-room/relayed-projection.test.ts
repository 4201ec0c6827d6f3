import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { relayCommentBody } from "../../../src/features/war-room/relay-decision.js";
import type { Association } from "../../../src/kernel/history.js";
import { project } from "../../../src/kernel/projection/project-history.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { timelineRows } from "../../../src/render/timeline-table.js";
import { BOT, bot, FORM_BODY, HistoryBuilder, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({});
const ctx = { config, botLogin: BOT, formTemplate: readFormTemplate() };
const relayed = (lines: string[], login: string, association: Association) =>
  relayCommentBody(lines, {
    login,
    slackUserId: "U0BOB0001",
    channelId: "C0SIM00001",
    channelName: "inc-20260203-001",
    association,
  });

function filed() {
  return new HistoryBuilder({ body: FORM_BODY }).label("incident", "2026-02-03T14:23:00Z");
}

describe("commands relayed from Slack", () => {
  it("count as the mapped person's, with the association the app checked, marked as typed in Slack", () => {
    const history = filed().comment(relayed(["/ack"], "bob", "MEMBER"), "2026-02-03T14:24:00Z", bot).history;
    const state = project(history, ctx);
    expect(state.acknowledgedBy).toBe("bob");
    expect(state.roles.ic).toEqual(["bob"]);
    const ack = state.entries.find((entry) => entry.kind === "ack");
    expect(ack).toMatchObject({ by: "bob", slackChannel: "inc-20260203-001" });
    const row = timelineRows(state, new Date("2026-02-03T14:24:00Z"), "UTC").find((r) =>
      r.event.startsWith("Acknowledged"),
    );
    expect(row?.by).toBe("@bob (in Slack #inc-20260203-001)");
  });

  it("are refused when the association the app found may not run commands", () => {
    const history = filed().comment(relayed(["/ack"], "eve", "NONE"), "2026-02-03T14:24:00Z", bot).history;
    const state = project(history, ctx);
    expect(state.acknowledgedBy).toBeNull();
    expect(state.acknowledgements.map((a) => a.kind)).toEqual(["outsider"]);
  });

  it("are never trusted from anyone but the app", () => {
    const forged = relayed(["/ack"], "bob", "OWNER");
    const history = filed().comment(forged, "2026-02-03T14:24:00Z", user("mallory"), {
      association: "NONE",
    }).history;
    const state = project(history, ctx);
    expect(state.acknowledgedBy).toBeNull();
    expect(state.acknowledgements.map((a) => a.kind)).toEqual(["outsider"]);
  });
});
