import { describe, expect, it } from "vitest";
import { dueNotices, LOOKBACK_MS } from "../../../src/features/outward/due-notices.js";
import { EMPTY_LEDGER, ledgerFields, readLedger } from "../../../src/features/outward/ledger.js";
import type { TimelineEntry } from "../../../src/kernel/incident-state.js";

const entry = (
  kind: TimelineEntry["kind"],
  hhmmss: string,
  text: string = kind,
  commentId: number | null = 1,
): TimelineEntry => ({
  at: new Date(`2026-02-03T${hhmmss}Z`),
  kind,
  text,
  quote: null,
  by: "bob",
  url: null,
  backdated: false,
  commentId,
});

const kinds = (result: ReturnType<typeof dueNotices>) =>
  result.due.map((d) => `${d.event}@${d.entry.at.toISOString().slice(11, 19)}`);

describe("dueNotices", () => {
  const entries = [
    entry("declared", "14:23:00", "Declared", null),
    entry("note", "14:24:00"),
    entry("role", "14:25:00", "Tech lead: @dave", 7),
    entry("role", "14:25:00", "Comms: @carol", 7),
    entry("update", "14:30:00", "Status update posted", 9),
  ];

  it("sends every notifiable entry of a new incident, and nothing the second time", () => {
    const first = dueNotices(entries, EMPTY_LEDGER, null);
    expect(kinds(first)).toEqual([
      "declared@14:23:00",
      "roles@14:25:00",
      "roles@14:25:00",
      "update@14:30:00",
    ]);
    const again = dueNotices(entries, first.ledger, null);
    expect(again.due).toEqual([]);
    expect(again.ledger).toEqual(first.ledger);
  });

  it("survives the round trip through the timeline marker", () => {
    const first = dueNotices(entries, EMPTY_LEDGER, null);
    const fields = ledgerFields({ ...first.ledger, published: "abc123" });
    expect(fields.notified).toBe("2026-02-03T14:30:00Z");
    expect(readLedger(fields)).toEqual({ ...first.ledger, published: "abc123" });
  });

  it("sends an entry the read returned late, or one in the same second, exactly once", () => {
    const seen = dueNotices(
      entries.filter((e) => e.text !== "Comms: @carol"),
      EMPTY_LEDGER,
      null,
    );
    const late = dueNotices(entries, seen.ledger, null);
    expect(late.due.map((d) => d.entry.text)).toEqual(["Comms: @carol"]);
    expect(dueNotices(entries, late.ledger, null).due).toEqual([]);
  });

  it("forgets nothing newer than the lookback, and sends nothing older", () => {
    const old = entry("update", "14:00:00", "Status update posted", 3);
    const ledger = { notified: new Date("2026-02-03T14:30:00Z"), sent: [] };
    expect(LOOKBACK_MS).toBe(600_000);
    expect(kinds(dueNotices([old, entries[4] as TimelineEntry], ledger, null))).toEqual(["update@14:30:00"]);
  });

  it("without a ledger, starts after the app's last write (an incident older than notifications)", () => {
    const result = dueNotices(entries, EMPTY_LEDGER, new Date("2026-02-03T14:26:00Z"));
    expect(kinds(result)).toEqual(["update@14:30:00"]);
  });

  it("sends nothing and records nothing when nothing is notifiable", () => {
    expect(dueNotices([entry("note", "14:24:00")], EMPTY_LEDGER, null)).toEqual({
      due: [],
      ledger: { notified: null, sent: [] },
    });
  });
});
