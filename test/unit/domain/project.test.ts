import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { project } from "../../../src/kernel/projection/project-history.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { BOT, bot, FORM_BODY, HistoryBuilder, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({});
const ctx = { config, botLogin: BOT, formTemplate: readFormTemplate() };

function filed(options: { association?: "MEMBER" | "NONE" } = {}) {
  return new HistoryBuilder({ body: FORM_BODY, association: options.association ?? "MEMBER" }).label(
    "incident",
    "2026-02-03T14:23:00Z",
  );
}

describe("project", () => {
  it("declares a member's form with its severity and start time", () => {
    const state = project(filed().history, ctx);
    expect(state.declaration).toMatchObject({ by: "alice", via: "form" });
    expect(state.severity).toBe("SEV-2");
    expect(state.status).toBe("investigating");
    expect(state.times.started?.toISOString()).toBe("2026-02-03T14:23:00.000Z");
    expect(state.form.services).toEqual(["search"]);
  });

  it("holds an outsider's form for triage until a member declares", () => {
    const outsider = new HistoryBuilder({ body: FORM_BODY, association: "NONE", author: "mallory" }).label(
      "incident",
      "2026-02-03T14:23:00Z",
      user("mallory"),
    );
    expect(project(outsider.history, ctx)).toMatchObject({ declaration: null, triage: true });
    outsider.comment("/declare SEV-1", "2026-02-03T14:30:00Z", user("bob"));
    const state = project(outsider.history, ctx);
    expect(state.declaration).toMatchObject({ by: "bob", via: "command" });
    expect(state.severity).toBe("SEV-1");
    expect(state.triage).toBe(false);
  });

  it("lets the newest severity label win and records who added it", () => {
    const history = filed()
      .label("SEV-2", "2026-02-03T14:23:02Z", bot)
      .label("SEV-1", "2026-02-03T14:26:00Z", user("bob"))
      .unlabel("SEV-2", "2026-02-03T14:26:01Z", bot)
      .label("SEV-2", "2026-02-03T14:31:00Z", user("carol")).history;
    const state = project(history, ctx);
    expect(state.severity).toBe("SEV-2");
    expect(state.severityChanges.map((c) => [c.from, c.to, c.by, c.via])).toEqual([
      [null, "SEV-2", "alice", "form"],
      ["SEV-2", "SEV-1", "bob", "label"],
      ["SEV-1", "SEV-2", "carol", "label"],
    ]);
  });

  it("ignores the app's own echoes and anyone's forged markers", () => {
    const history = filed()
      .comment(
        "<!-- incident-app:declaration id=INC-20260203-999 -->",
        "2026-02-03T14:24:00Z",
        user("mallory"),
      )
      .comment(
        "<!-- incident-app:declaration id=INC-20260203-001 -->\nhi",
        "2026-02-03T14:23:05Z",
        bot,
      ).history;
    expect(project(history, ctx).id).toBe("INC-20260203-001");
  });

  it("runs commands in order and keeps clocks apart", () => {
    const history = filed()
      .comment("/ack", "2026-02-03T14:25:00Z", user("bob"))
      .comment(
        "/status identified\n/note at 14:15 deploy #123 completed",
        "2026-02-03T14:30:00Z",
        user("bob"),
      )
      .comment("/mitigated", "2026-02-03T14:40:00Z", user("bob"))
      .comment("/resolve rolled back", "2026-02-03T15:10:00Z", user("bob")).history;
    const state = project(history, ctx);
    expect(state.roles.ic).toEqual(["bob"]);
    expect(state.times.acknowledged?.toISOString()).toBe("2026-02-03T14:25:00.000Z");
    expect(state.times.mitigated?.toISOString()).toBe("2026-02-03T14:40:00.000Z");
    expect(state.times.resolved?.toISOString()).toBe("2026-02-03T15:10:00.000Z");
    expect(state.status).toBe("resolved");
    expect(state.open).toBe(false);
    const note = state.entries.find((entry) => entry.kind === "note");
    expect(note).toMatchObject({ backdated: true, quote: "deploy #123 completed" });
    expect(state.entries[0]?.kind).toBe("note");
  });

  it("answers outsiders and bots without letting them act", () => {
    const history = filed()
      .comment("/severity SEV-1", "2026-02-03T14:25:00Z", user("mallory"), { association: "NONE" })
      .comment("/severity SEV-1", "2026-02-03T14:26:00Z", { login: "ci[bot]", kind: "Bot" }).history;
    const state = project(history, ctx);
    expect(state.severity).toBe("SEV-2");
    expect(state.acknowledgements.map((ack) => ack.kind)).toEqual(["outsider"]);
  });

  it("treats closing by hand as resolution and reopening as investigating", () => {
    const history = filed()
      .close("2026-02-03T15:00:00Z", user("bob"))
      .reopen("2026-02-03T15:05:00Z", user("bob")).history;
    const state = project(history, ctx);
    expect(state.status).toBe("investigating");
    expect(state.times.resolved).toBeNull();
    expect(state.entries.map((entry) => entry.kind)).toEqual(["declared", "resolved", "reopened"]);
  });

  it("refuses commands before declaration, with a reason", () => {
    const history = new HistoryBuilder().comment("/ack", "2026-02-03T14:25:00Z", user("bob")).history;
    const [ack] = project(history, ctx).acknowledgements;
    expect(ack).toMatchObject({ kind: "refused" });
  });
});
