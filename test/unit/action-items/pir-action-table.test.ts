import { describe, expect, it } from "vitest";
import {
  describeRowErrors,
  parsePirActionTable,
  untrackedRows,
} from "../../../src/kernel/pir-action-table.js";

const PIR = `# Post-incident review: INC-20260203-001

## Action items

| Action | Owner | Due | Priority | Status |
|--------|-------|-----|----------|--------|
| Add an alert on the zero-result rate (#12) | @dave | 2026-02-10 | High | TODO |
| Add a unit test for division by zero | @dave | 2026-02-05 | medium | In progress |
| Document the rollback \\| runbook | @acme/sre | — | P3 | |
| Lower the alert threshold | @bob | YYYY-MM-DD | High | TODO |
| Feature flag for scoring | alice smith | next week | urgent | maybe |
| Remove the old dashboard | @carol | 2026-02-01 | low | Done |

## Lessons learned
`;

describe("the PIR's action-items table", () => {
  const table = parsePirActionTable(PIR);

  it("reads every row, with its number", () => {
    expect(table.found).toBe(true);
    expect(table.rows.map((row) => [row.ok, row.ok ? row.item.row : row.row])).toEqual([
      [true, 1],
      [true, 2],
      [true, 3],
      [false, 4],
      [false, 5],
      [true, 6],
    ]);
  });

  it("turns valid rows into items: a linked issue is already tracked, a done row needs nothing", () => {
    expect(table.rows[0]).toMatchObject({
      ok: true,
      item: { tracked: 12, owner: "dave", due: "2026-02-10", priority: "high", done: false },
    });
    expect(table.rows[2]).toMatchObject({
      ok: true,
      item: {
        text: "Document the rollback | runbook",
        owner: "acme/search".replace("search", "sre"),
        due: null,
        priority: "low",
      },
    });
    expect(untrackedRows(table).map((row) => row.row)).toEqual([2, 3]);
  });

  it("says per row what is wrong", () => {
    expect(describeRowErrors(table)).toEqual([
      "Row 4 (“Lower the alert threshold”): Due is still the template's `YYYY-MM-DD`: fill in a date.",
      "Row 5 (“Feature flag for scoring”): Owner “alice smith” is not a GitHub user or team: write `@alice` or `@org/team`; Due “next week” is not a date: write it as `YYYY-MM-DD`; Priority “urgent” is not one of high, medium, low (or p1, p2, p3); Status “maybe” is neither open (`TODO`, `In progress`) nor `Done`.",
    ]);
  });

  it("accepts the seed plans' column names (Due Date) and order, and P0", () => {
    const other = parsePirActionTable(
      "| Action | Owner | Priority | Due Date |\n|---|---|---|---|\n| Add pool metrics | @bob | P0 | 2026-11-22 |\n",
    );
    expect(other.rows).toEqual([
      {
        ok: true,
        item: {
          row: 1,
          text: "Add pool metrics",
          owner: "bob",
          due: "2026-11-22",
          priority: "high",
          done: false,
          tracked: null,
        },
      },
    ]);
  });

  it("counts an issue linked from the Status cell as tracked, and leaves a linked row's other cells alone", () => {
    const linked = parsePirActionTable(
      [
        "| Action | Owner | Due | Priority | Status |",
        "|---|---|---|---|---|",
        "| Page the database team sooner | @bob | 2026-02-10 | high | tracked in #12 |",
        "| Rotate the keys | @bob | 2026-02-10 | high | Done (https://github.com/acme/shop/issues/14) |",
        "| Add pool metrics (#15) | whoever | next sprint | urgent | soon |",
      ].join("\n"),
    );
    expect(linked.rows.map((row) => (row.ok ? [row.item.tracked, row.item.done] : row.errors))).toEqual([
      [12, false],
      [14, true],
      [15, false],
    ]);
    expect(untrackedRows(linked)).toEqual([]);
    expect(describeRowErrors(linked)).toEqual([]);
  });

  it("reports a document without the table", () => {
    expect(parsePirActionTable("# PIR\n\nNo table here.\n| a | b |\n")).toEqual({ found: false, rows: [] });
  });

  it("rejects an empty action", () => {
    const empty = parsePirActionTable("| Action | Owner | Due |\n|---|---|---|\n| | @bob | 2026-02-01 |\n");
    expect(describeRowErrors(empty)).toEqual([
      "Row 1 (“empty”): the Action cell is empty: say what needs to be done.",
    ]);
  });
});
