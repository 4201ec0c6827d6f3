import { describe, expect, it } from "vitest";
import { parseWhen } from "../../../src/commands/index.js";
import { commandOf, context, errorOf } from "./context.js";

/** The instant `/note at <time> x` records. */
function noteAt(time: string, now: string, timeZone = "UTC"): string | undefined {
  const command = commandOf(`/note at ${time} x`, context({ now: new Date(now), timeZone }));
  return command.kind === "note" ? command.at?.toISOString() : undefined;
}

const NOW = "2026-02-03T15:00:00Z";

describe("times after `at`", () => {
  it.each<[string, string]>([
    ["14:23", "2026-02-03T14:23:00.000Z"],
    ["14:23:45", "2026-02-03T14:23:45.000Z"],
    ["9:05", "2026-02-03T09:05:00.000Z"],
    ["00:00", "2026-02-03T00:00:00.000Z"],
    ["2:23pm", "2026-02-03T14:23:00.000Z"],
    ["2:23PM", "2026-02-03T14:23:00.000Z"],
    ["2:23 pm", "2026-02-03T14:23:00.000Z"],
    ["2pm", "2026-02-03T14:00:00.000Z"],
    ["2 pm", "2026-02-03T14:00:00.000Z"],
    ["12am", "2026-02-03T00:00:00.000Z"],
    ["12:30pm", "2026-02-03T12:30:00.000Z"],
    ["14:23Z", "2026-02-03T14:23:00.000Z"],
    ["14:23 UTC", "2026-02-03T14:23:00.000Z"],
    // up to five minutes ahead is today (clocks differ); more is yesterday
    ["15:05", "2026-02-03T15:05:00.000Z"],
    ["15:06", "2026-02-02T15:06:00.000Z"],
    ["11pm", "2026-02-02T23:00:00.000Z"],
    ["2026-02-03 14:23", "2026-02-03T14:23:00.000Z"],
    ["2026-02-01 2:23pm", "2026-02-01T14:23:00.000Z"],
    ["2026-02-03T14:23Z", "2026-02-03T14:23:00.000Z"],
    ["2026-02-03t14:23z", "2026-02-03T14:23:00.000Z"],
    ["2026-02-03T14:23:00+01:00", "2026-02-03T13:23:00.000Z"],
    ["2026-02-03T09:23:00.250-05:00", "2026-02-03T14:23:00.000Z"],
    ["2026-02-03T14:23+0530", "2026-02-03T08:53:00.000Z"],
    ["2026-02-03T14:23", "2026-02-03T14:23:00.000Z"],
  ])("%s", (time, expected) => {
    expect(noteAt(time, NOW)).toBe(expected);
  });

  it.each<[string, string, string, string]>([
    // Berlin is UTC+1 in winter, UTC+2 in summer
    ["14:23", NOW, "Europe/Berlin", "2026-02-03T13:23:00.000Z"],
    ["14:23 UTC", NOW, "Europe/Berlin", "2026-02-03T14:23:00.000Z"],
    ["13:00", "2026-07-01T12:00:00Z", "Europe/Berlin", "2026-07-01T11:00:00.000Z"],
    ["14:23", "2026-07-01T12:00:00Z", "Europe/Berlin", "2026-06-30T12:23:00.000Z"],
    ["2026-02-03T14:23Z", NOW, "Europe/Berlin", "2026-02-03T14:23:00.000Z"],
    // 22:00 on 2 February in New York: a bare 21:30 is that evening, 23:00 the evening before
    ["21:30", "2026-02-03T03:00:00Z", "America/New_York", "2026-02-03T02:30:00.000Z"],
    ["23:00", "2026-02-03T03:00:00Z", "America/New_York", "2026-02-02T04:00:00.000Z"],
    // New York springs forward on 8 March 2026 at 02:00 (EST -5 → EDT -4)
    ["01:30", "2026-03-08T12:00:00Z", "America/New_York", "2026-03-08T06:30:00.000Z"],
    ["03:30", "2026-03-08T12:00:00Z", "America/New_York", "2026-03-08T07:30:00.000Z"],
    ["02:30", "2026-03-08T12:00:00Z", "America/New_York", "2026-03-08T07:30:00.000Z"],
    ["2026-03-07 23:00", "2026-03-08T12:00:00Z", "America/New_York", "2026-03-08T04:00:00.000Z"],
    // and falls back on 1 November 2026: 01:30 happens twice, the first one counts
    ["00:30", "2026-11-01T12:00:00Z", "America/New_York", "2026-11-01T04:30:00.000Z"],
    ["01:30", "2026-11-01T12:00:00Z", "America/New_York", "2026-11-01T05:30:00.000Z"],
    ["02:30", "2026-11-01T12:00:00Z", "America/New_York", "2026-11-01T07:30:00.000Z"],
    // Berlin: 29 March 2026 02:30 does not exist, 25 October 02:30 happens twice
    ["02:30", "2026-03-29T12:00:00Z", "Europe/Berlin", "2026-03-29T01:30:00.000Z"],
    ["02:30", "2026-10-25T12:00:00Z", "Europe/Berlin", "2026-10-25T00:30:00.000Z"],
    // a month and a year back when "yesterday" crosses them
    ["23:50", "2026-03-01T00:10:00Z", "UTC", "2026-02-28T23:50:00.000Z"],
    ["23:50", "2026-01-01T00:10:00Z", "UTC", "2025-12-31T23:50:00.000Z"],
    ["23:50", "2025-12-31T23:10:00Z", "Asia/Tokyo", "2025-12-31T14:50:00.000Z"],
  ])("%s at %s in %s", (time, now, zone, expected) => {
    expect(noteAt(time, now, zone)).toBe(expected);
  });

  it.each([
    ["25:00", "25:00"],
    ["24:00", "24:00"],
    ["14:60", "14:60"],
    ["14:23:61", "14:23:61"],
    ["0am", "0am"],
    ["13pm", "13pm"],
    ["13 pm", "13 pm"],
    ["2026-02-30 10:00", "2026-02-30"],
    ["2026-02-03 noon", "2026-02-03 noon"],
    ["2026-02-03 14", "2026-02-03 14"],
    ["2026-02-30T10:00Z", "2026-02-30T10:00Z"],
    ["2026-02-03T10:00+15:00", "2026-02-03T10:00+15:00"],
    ["2026-02-03T10:00+01:75", "2026-02-03T10:00+01:75"],
  ])("%s is not a time", (time, got) => {
    expect(errorOf(`/started at ${time}`)).toMatchObject({ kind: "bad-argument", argument: "time", got });
  });

  it.each(["2026-02-04 09:00", "2026-02-03T15:06Z", "2026-02-03T16:10:00+01:00"])(
    "%s is in the future",
    (time) => {
      expect(errorOf(`/detected at ${time}`)).toMatchObject({
        kind: "bad-argument",
        argument: "time",
        expected: "a time that is not in the future",
      });
    },
  );

  it("ignores an unknown configured zone rather than crash", () => {
    expect(noteAt("14:23", NOW, "Not/AZone")).toBe("2026-02-03T14:23:00.000Z");
  });
});

describe("parseWhen", () => {
  const ctx = context({ timeZone: "Europe/Berlin" });
  it.each<[string, string | null]>([
    ["14:23", "2026-02-03T13:23:00.000Z"],
    ["at 14:23", "2026-02-03T13:23:00.000Z"],
    [" 2026-02-03 09:00 ", "2026-02-03T08:00:00.000Z"],
    ["2026-02-03T09:00Z", "2026-02-03T09:00:00.000Z"],
    ["this morning", null],
    ["14:23 roughly", null],
    ["2026-02-04 09:00", null],
    ["", null],
  ])("%j", (text, expected) => {
    expect(parseWhen(text, ctx)?.toISOString() ?? null).toBe(expected);
  });
});
