import { describe, expect, it } from "vitest";
import { due } from "../../../src/features/sweep/due.js";
import { user } from "../../support/history-builder.js";
import { configOf, incidentOf, iso, itemOf, M, snapshotOf } from "../../support/sweep-fixtures.js";

/** Action item reminders by calendar day: due soon (2 days before), due today, overdue then every 3 days. */
const config = configOf({ reminders: { dueSoon: "2d", overdueEvery: "3d" } });
const on = (day: string, time = "09:00") => new Date(`${day}T${time}:00Z`);

describe("action item windows (due 2026-02-10)", () => {
  it.each([
    ["2026-02-07", []],
    ["2026-02-08", ["item:soon:2026-02-10"]],
    ["2026-02-09", ["item:soon:2026-02-10"]],
    ["2026-02-10", ["item:today:2026-02-10"]],
    ["2026-02-11", ["item:overdue:2026-02-10:0"]],
    ["2026-02-13", ["item:overdue:2026-02-10:0"]],
    ["2026-02-14", ["item:overdue:2026-02-10:1"]],
    ["2026-02-17", ["item:overdue:2026-02-10:2"]],
  ])("on %s: %j", (day, expected) => {
    const actions = due(on(day), snapshotOf([], [itemOf({ due: "2026-02-10" })]), config);
    expect(actions.map((a) => a.key)).toEqual(expected);
  });

  it.each([
    ["a window already served", { due: "2026-02-10", sent: ["item:soon:2026-02-10"] }, "2026-02-09", []],
    ["no due date", { due: null, sent: [] }, "2026-02-10", []],
    [
      "a moved due date re-arms",
      { due: "2026-02-12", sent: ["item:soon:2026-02-10"] },
      "2026-02-10",
      ["item:soon:2026-02-12"],
    ],
  ] as Array<[string, { due: string | null; sent: string[] }, string, string[]]>)(
    "%s",
    (_name, fields, day, expected) => {
      expect(due(on(day), snapshotOf([], [itemOf(fields)]), config).map((a) => a.key)).toEqual(expected);
    },
  );

  it("counts days in the configured zone", () => {
    const tokyo = configOf({ timeZone: "Asia/Tokyo" });
    const item = itemOf({ due: "2026-02-10" });
    expect(due(on("2026-02-09", "14:59"), snapshotOf([], [item]), tokyo).map((a) => a.key)).toEqual([
      "item:soon:2026-02-10",
    ]);
    expect(due(on("2026-02-09", "15:00"), snapshotOf([], [item]), tokyo).map((a) => a.key)).toEqual([
      "item:today:2026-02-10",
    ]);
  });

  it("reminds the owner, and the incident commander once it is overdue", () => {
    const item = itemOf({ due: "2026-02-10", owner: "dave", ic: "bob" });
    expect(due(on("2026-02-10"), snapshotOf([], [item]), config)[0]).toMatchObject({ mentions: ["dave"] });
    expect(due(on("2026-02-11"), snapshotOf([], [item]), config)[0]).toMatchObject({
      mentions: ["dave", "bob"],
    });
  });

  it("takes the incident commander from the incident when the sweep read it", () => {
    const incident = incidentOf(config, (b) => b.comment("/ic @erin", iso(M), user("bob")));
    const item = itemOf({ due: "2026-02-10", owner: "acme/search", ic: "bob" });
    expect(due(on("2026-02-12"), snapshotOf([incident], [item]), config).at(-1)).toMatchObject({
      kind: "item-reminder",
      mentions: ["acme/search", "erin"],
    });
  });
});
