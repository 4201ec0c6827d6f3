import { describe, expect, it } from "vitest";
import { pirMergedAt } from "../../../src/kernel/pir-status.js";
import { BOT, bot, HistoryBuilder, user } from "../../support/history-builder.js";

function crossReference(builder: HistoryBuilder, source: { headRef: string; mergedAt: string | null }) {
  builder.history.items.push({
    type: "cross-referenced",
    id: "CRE_1",
    at: new Date("2026-02-04T10:00:00Z"),
    actor: user("bob"),
    source: {
      kind: "PullRequest",
      number: 9,
      title: "PIR",
      url: "https://github.com/acme/shop/pull/9",
      state: source.mergedAt ? "MERGED" : "OPEN",
      author: user("bob"),
      body: "",
      closedAt: null,
      closer: null,
      headRef: source.headRef,
      mergedAt: source.mergedAt ? new Date(source.mergedAt) : null,
    },
  });
}

describe("pirMergedAt: the seam the PIR pull request plugs into", () => {
  it("is null until something says the review is merged", () => {
    expect(pirMergedAt(new HistoryBuilder().history, BOT, "INC-20260203-001")).toBeNull();
  });

  it("takes the app's own record of the merge", () => {
    const builder = new HistoryBuilder().comment(
      "<!-- incident-app:pir-merged pr=9 -->\nmerged",
      "2026-02-04T12:00:00Z",
      bot,
    );
    expect(pirMergedAt(builder.history, BOT, "INC-20260203-001")).toEqual(new Date("2026-02-04T12:00:00Z"));
  });

  it("ignores the same marker typed by a person", () => {
    const builder = new HistoryBuilder().comment(
      "<!-- incident-app:pir-merged pr=9 -->",
      "2026-02-04T12:00:00Z",
      user("eve"),
    );
    expect(pirMergedAt(builder.history, BOT, "INC-20260203-001")).toBeNull();
  });

  it("takes a merged pull request from the PIR branch that mentions the incident", () => {
    const merged = new HistoryBuilder();
    crossReference(merged, { headRef: "pir/inc-20260203-001", mergedAt: "2026-02-04T11:00:00Z" });
    expect(pirMergedAt(merged.history, BOT, "INC-20260203-001")).toEqual(new Date("2026-02-04T11:00:00Z"));
    const open = new HistoryBuilder();
    crossReference(open, { headRef: "pir/inc-20260203-001", mergedAt: null });
    expect(pirMergedAt(open.history, BOT, "INC-20260203-001")).toBeNull();
    const other = new HistoryBuilder();
    crossReference(other, { headRef: "fix/search", mergedAt: "2026-02-04T11:00:00Z" });
    expect(pirMergedAt(other.history, BOT, "INC-20260203-001")).toBeNull();
  });
});
