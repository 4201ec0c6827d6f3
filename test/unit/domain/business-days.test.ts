import { describe, expect, it } from "vitest";
import { formatDeadline, parseDeadline } from "../../../src/config/deadline-field.js";
import { ConfigSchema } from "../../../src/config/schema.js";
import { addBusinessDays, addDeadline, isBusinessDay } from "../../../src/kernel/business-days.js";
import { clocks } from "../../../src/kernel/clocks.js";
import { withDefaults } from "../../../src/kernel/projection/action-request.js";
import { project } from "../../../src/kernel/projection/project-history.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { BOT, FORM_BODY, HistoryBuilder, user } from "../../support/history-builder.js";

/** "PIR within 2 business days", "next business day": deadlines on a working calendar. */
const plain = ConfigSchema.parse({});
const london = ConfigSchema.parse({ timeZone: "Europe/London", calendar: { country: "GB", region: "ENG" } });

describe("business-day deadlines", () => {
  it("reads 2bd and '2 business days', and still reads durations", () => {
    expect(parseDeadline("2bd")).toEqual({ businessDays: 2 });
    expect(parseDeadline("1 business day")).toEqual({ businessDays: 1 });
    expect(parseDeadline("48h")).toBe(48 * 3_600_000);
    expect(parseDeadline("0bd")).toBeNull();
    expect(parseDeadline("two days")).toBeNull();
    expect(formatDeadline({ businessDays: 2 })).toBe("2 business days");
    expect(ConfigSchema.safeParse({ actionItems: { defaultDue: "5bd" } }).success).toBe(true);
    expect(ConfigSchema.safeParse({ calendar: { country: "england" } }).success).toBe(false);
  });

  it("skips the weekend: 2 business days from Friday afternoon is Tuesday afternoon", () => {
    const friday = new Date("2026-02-06T15:30:00Z");
    expect(addBusinessDays(friday, 2, plain.calendar, "UTC")).toEqual(new Date("2026-02-10T15:30:00Z"));
    // From Saturday, the first business day is Monday.
    expect(addBusinessDays(new Date("2026-02-07T10:00:00Z"), 1, plain.calendar, "UTC")).toEqual(
      new Date("2026-02-09T10:00:00Z"),
    );
  });

  it("skips the country's public holidays and the configured days off", () => {
    // Thursday 24 December 2026: Christmas (Fri) and Boxing Day observed (Mon 28) are holidays in England.
    const christmasEve = new Date("2026-12-24T10:00:00Z");
    expect(isBusinessDay({ year: 2026, month: 12, day: 25 }, london.calendar)).toBe(false);
    expect(isBusinessDay({ year: 2026, month: 12, day: 28 }, london.calendar)).toBe(false);
    expect(addBusinessDays(christmasEve, 1, london.calendar, "Europe/London")).toEqual(
      new Date("2026-12-29T10:00:00Z"),
    );
    expect(addBusinessDays(christmasEve, 1, plain.calendar, "UTC")).toEqual(new Date("2026-12-25T10:00:00Z"));
    const companyDay = ConfigSchema.parse({ calendar: { holidays: ["2026-02-09"] } });
    expect(addBusinessDays(new Date("2026-02-06T15:30:00Z"), 1, companyDay.calendar, "UTC")).toEqual(
      new Date("2026-02-10T15:30:00Z"),
    );
  });

  it("keeps the wall-clock time across a DST change", () => {
    // Friday 27 March 2026 14:00 in London is 14:00 UTC; clocks go forward on Sunday 29 March,
    // so Tuesday 31 March 14:00 London is 13:00 UTC.
    const before = new Date("2026-03-27T14:00:00Z");
    expect(addBusinessDays(before, 2, london.calendar, "Europe/London")).toEqual(
      new Date("2026-03-31T13:00:00Z"),
    );
    // In calendar time 48 h would land an hour later by the wall clock.
    expect(addDeadline(before, 48 * 3_600_000, london)).toEqual(new Date("2026-03-29T14:00:00Z"));
  });

  it("sets the PIR due date and the action items' default due day in business days", () => {
    const config = ConfigSchema.parse({
      severities: [
        { name: "SEV-1", ack: "5m", pirDue: "2bd" },
        { name: "SEV-2", ack: "15m", pirDue: "2bd" },
      ],
      actionItems: { defaultDue: "5bd" },
    });
    const history = new HistoryBuilder({ body: FORM_BODY.replace("SEV-2", "SEV-2") })
      .label("incident", "2026-02-06T14:00:00Z")
      .comment("/resolve", "2026-02-06T16:00:00Z", user("bob")).history;
    const state = project(history, { config, botLogin: BOT, formTemplate: readFormTemplate() });
    expect(clocks(state, config, new Date("2026-02-07T00:00:00Z")).pirDue).toEqual(
      new Date("2026-02-10T16:00:00Z"),
    );
    const defaults = withDefaults(
      { owner: null, due: null, priority: null },
      { by: "bob", at: new Date("2026-02-06T16:00:00Z") },
      state,
      config,
    );
    expect(defaults.due).toBe("2026-02-13");
  });
});
