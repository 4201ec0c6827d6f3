import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { configuredItems } from "../../../src/features/checklists/checklist-items.js";
import {
  type ChecklistInput,
  checklistComments,
  decideChecklist,
} from "../../../src/features/checklists/decide-checklist.js";
import {
  encodeRecords,
  parseTaskLines,
  readLedger,
} from "../../../src/features/checklists/parse-checklist.js";
import type { ChecklistEdit } from "../../../src/kernel/checklist.js";
import type { HistoryComment } from "../../../src/kernel/history.js";
import { BUILT_IN_TEMPLATES } from "../../../src/render/renderer.js";
import { BOT, bot, HistoryBuilder } from "../../support/history-builder.js";

const config = ConfigSchema.parse({});
const reference = new Date("2026-02-03T14:23:00Z");

function input(builder: HistoryBuilder, extra: Partial<ChecklistInput> = {}): ChecklistInput {
  return {
    history: builder.history,
    botLogin: BOT,
    config,
    id: "INC-20260203-001",
    severity: "SEV-2",
    reference,
    edit: null,
    templates: BUILT_IN_TEMPLATES,
    ...extra,
  };
}

/** Declares the checklist: the app's first comment, as GitHub now holds it. */
function posted(builder: HistoryBuilder, extra: Partial<ChecklistInput> = {}): HistoryComment {
  const [write] = decideChecklist(input(builder, extra)).writes;
  if (write?.kind !== "add-comment") throw new Error("expected the checklist comment");
  builder.comment(write.body, "2026-02-03T14:23:02Z", bot);
  const comment = checklistComments(builder.history, BOT)[0];
  if (!comment) throw new Error("not found");
  return comment;
}

/** A person ticks (or unticks) the line holding `text` in GitHub's UI: the body changes, nothing else. */
function tick(comment: HistoryComment, text: string, on = true): { before: string; after: string } {
  const before = comment.body;
  const lines = before.split("\n").map((line) => {
    if (!line.includes(text)) return line;
    return on ? line.replace("- [ ]", "- [x]") : line.replace("- [x]", "- [ ]");
  });
  comment.body = lines.join("\n");
  return { before, after: comment.body };
}

function edit(change: { before: string; after: string }, by: string, at: string, id: number): ChecklistEdit {
  return { commentId: id, by, at: new Date(at), ...change };
}

/** Applies the decided rewrite to the comment, as GitHub would. */
function apply(comment: HistoryComment, decision: ReturnType<typeof decideChecklist>): void {
  for (const write of decision.writes) if (write.kind === "update-comment") comment.body = write.body;
}

describe("task lines", () => {
  it("reads ticked and unticked lines, drops the app's attribution, skips code blocks", () => {
    const body = [
      "- [ ] Review recent deployments (last 24 h)",
      "- [x] Confirm the alert is not a false positive <sub>✔ @alice, 14:30</sub>",
      "* [X] Paged the database team",
      "```",
      "- [ ] not a task",
      "```",
      "- [] not a task either",
    ].join("\n");
    expect(parseTaskLines(body)).toEqual([
      { text: "Review recent deployments (last 24 h)", ticked: false },
      { text: "Confirm the alert is not a false positive", ticked: true },
      { text: "Paged the database team", ticked: true },
    ]);
  });

  it("reads back the ledger the app wrote, and treats a mangled one as no record", () => {
    const ticks = encodeRecords([{ key: "triage-12345678", ticked: true, by: "alice", at: 1770128400 }]);
    expect(readLedger(`<!-- incident-app:checklist w=abc ticks=${ticks} -->`)).toEqual({
      written: "abc",
      records: [{ key: "triage-12345678", ticked: true, by: "alice", at: 1770128400 }],
    });
    expect(readLedger("<!-- incident-app:checklist w=abc ticks=!!notbase64 -->").records).toEqual([]);
  });
});

describe("the items for a severity", () => {
  it("takes the plans' defaults, some only for the two most severe", () => {
    const sev2 = configuredItems(config, "SEV-2").map((item) => item.text);
    const sev4 = configuredItems(config, "SEV-4").map((item) => item.text);
    expect(sev2).toContain("Assign an incident commander");
    expect(sev4).not.toContain("Assign an incident commander");
    expect(sev4).toContain("Confirm the alert is not a false positive");
    expect(sev2.length).toBeGreaterThan(sev4.length);
  });

  it("matches severities by alias, and a repo's own phase list replaces the default", () => {
    const custom = ConfigSchema.parse({
      checklists: { triage: ["Page the DBA", { text: "Call the CEO", severities: ["P0"] }] },
    });
    const triage = (severity: string) =>
      configuredItems(custom, severity)
        .filter((item) => item.phase === "triage")
        .map((item) => item.text);
    expect(triage("SEV-1")).toEqual(["Page the DBA", "Call the CEO"]);
    expect(triage("SEV-2")).toEqual(["Page the DBA"]);
  });

  it("posts nothing when checklists are off", () => {
    const off = ConfigSchema.parse({ checklists: { enabled: false } });
    expect(decideChecklist(input(new HistoryBuilder(), { config: off }))).toMatchObject({
      writes: [],
      checklist: null,
    });
  });

  it("says what is wrong with a bad item", () => {
    const result = ConfigSchema.safeParse({ checklists: { triage: [{ txt: "typo" }] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/a line of text, or/);
  });
});

describe("ticking", () => {
  it("posts the task list once, then records a person's tick with who and when, and counts it", () => {
    const builder = new HistoryBuilder();
    const comment = posted(builder);
    expect(comment.body).toContain("- [ ] Confirm the alert is not a false positive");
    expect(decideChecklist(input(builder)).writes).toEqual([]);

    const change = tick(comment, "Confirm the alert");
    const decision = decideChecklist(
      input(builder, { edit: edit(change, "bob", "2026-02-03T14:31:00Z", comment.databaseId) }),
    );
    expect(decision.writes).toHaveLength(1);
    expect(decision.entries).toMatchObject([
      { kind: "checklist", by: "bob", quote: "Confirm the alert is not a false positive" },
    ]);
    expect(decision.entries[0]?.at.toISOString()).toBe("2026-02-03T14:31:00.000Z");
    const items = decision.checklist?.items ?? [];
    expect(items.filter((item) => item.ticked)).toHaveLength(1);
    apply(comment, decision);
    expect(comment.body).toContain(
      "- [x] Confirm the alert is not a false positive <sub>✔ @bob, 14:31</sub>",
    );
    // Applied: the next decision (the verify read, or a redelivery) changes nothing.
    expect(decideChecklist(input(builder)).writes).toEqual([]);
    expect(
      decideChecklist(
        input(builder, { edit: edit(change, "bob", "2026-02-03T14:31:00Z", comment.databaseId) }),
      ).writes,
    ).toEqual([]);
  });

  it("keeps a tick the app's own rewrite raced over: the edit's webhook puts it back", () => {
    const builder = new HistoryBuilder();
    const comment = posted(builder);
    const appBody = comment.body;
    const change = tick(comment, "Review recent deployments");
    // The app rewrote the comment from what it had read before the tick.
    comment.body = appBody;
    const decision = decideChecklist(
      input(builder, { edit: edit(change, "carol", "2026-02-03T14:40:00Z", comment.databaseId) }),
    );
    apply(comment, decision);
    expect(comment.body).toContain("- [x] Review recent deployments (last 24 h) <sub>✔ @carol, 14:40</sub>");
  });

  it("counts a tick whose webhook was missed (who: not recorded), and names the person once the edit arrives", () => {
    const builder = new HistoryBuilder();
    const comment = posted(builder);
    const first = tick(comment, "Confirm the alert");
    tick(comment, "Check logs");
    comment.editedAt = new Date("2026-02-03T14:45:00Z");
    const unseen = decideChecklist(input(builder));
    expect(unseen.entries.map((entry) => entry.by)).toEqual([null, null]);
    apply(comment, unseen);
    expect(comment.body).toContain("- [x] Check logs and error events <sub>✔ 14:45</sub>");

    const seen = decideChecklist(
      input(builder, { edit: edit(first, "dave", "2026-02-03T14:44:00Z", comment.databaseId) }),
    );
    expect(seen.entries.map((entry) => [entry.quote, entry.by])).toEqual([
      ["Confirm the alert is not a false positive", "dave"],
      ["Check logs and error events", null],
    ]);
  });

  it("records an untick, keeps lines people added, and keeps ticks when the severity changes", () => {
    const builder = new HistoryBuilder();
    const comment = posted(builder);
    apply(
      comment,
      decideChecklist(
        input(builder, {
          edit: edit(tick(comment, "Assign an incident"), "bob", "2026-02-03T14:30:00Z", comment.databaseId),
        }),
      ),
    );
    const added = { before: comment.body, after: `${comment.body}\n- [x] Called the vendor` };
    comment.body = added.after;
    apply(
      comment,
      decideChecklist(
        input(builder, { edit: edit(added, "erin", "2026-02-03T14:35:00Z", comment.databaseId) }),
      ),
    );
    expect(comment.body).toContain("**Added on the incident**");
    expect(comment.body).toContain("- [x] Called the vendor <sub>✔ @erin, 14:35</sub>");

    // Down to SEV-4: the IC item no longer applies, but what was ticked stays.
    const lower = decideChecklist(input(builder, { severity: "SEV-4" }));
    apply(comment, lower);
    expect(comment.body).toContain("- [x] Assign an incident commander");
    expect(comment.body).toContain("- [x] Called the vendor");

    const untick = tick(comment, "Called the vendor", false);
    const after = decideChecklist(
      input(builder, {
        severity: "SEV-4",
        edit: edit(untick, "erin", "2026-02-03T14:50:00Z", comment.databaseId),
      }),
    );
    expect(after.entries.at(-1)).toMatchObject({ by: "erin", text: expect.stringContaining("unticked") });
  });

  it("removes a duplicate checklist comment from racing handlers", () => {
    const builder = new HistoryBuilder();
    const comment = posted(builder);
    builder.comment(comment.body, "2026-02-03T14:23:03Z", bot);
    const duplicate = checklistComments(builder.history, BOT)[1];
    expect(decideChecklist(input(builder)).writes).toEqual([
      { kind: "delete-comment", purpose: "checklist", commentId: duplicate?.id },
    ]);
  });
});
