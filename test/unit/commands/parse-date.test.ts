import { describe, expect, it } from "vitest";
import { parseDueDate } from "../../../src/commands/index.js";

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const TUESDAY = new Date("2026-02-03T15:00:00Z");

describe("parseDueDate", () => {
  it.each<[string, string]>([
    ["2026-02-05", "2026-02-05"],
    ["2024-02-29", "2024-02-29"],
    ["today", "2026-02-03"],
    ["Today", "2026-02-03"],
    ["tomorrow", "2026-02-04"],
    ["+0d", "2026-02-03"],
    ["+3d", "2026-02-06"],
    ["+2w", "2026-02-17"],
    ["+30d", "2026-03-05"],
    ["monday", "2026-02-09"],
    ["mon", "2026-02-09"],
    ["next monday", "2026-02-09"],
    ["Next  Friday", "2026-02-06"],
    ["wednesday", "2026-02-04"],
    // a weekday is the next such day, never today
    ["tuesday", "2026-02-10"],
    ["next tue", "2026-02-10"],
    ["sunday", "2026-02-08"],
  ])("%s on Tuesday 2026-02-03", (text, expected) => {
    expect(parseDueDate(text, TUESDAY, "UTC")).toEqual(day(expected));
  });

  it.each<[string, string, string]>([
    ["2026-01-31T12:00:00Z", "tomorrow", "2026-02-01"],
    ["2026-02-28T12:00:00Z", "tomorrow", "2026-03-01"],
    ["2028-02-28T12:00:00Z", "tomorrow", "2028-02-29"],
    ["2025-12-31T12:00:00Z", "tomorrow", "2026-01-01"],
    ["2025-12-31T12:00:00Z", "+1w", "2026-01-07"],
    ["2025-12-29T12:00:00Z", "friday", "2026-01-02"],
    ["2026-12-20T12:00:00Z", "+2w", "2027-01-03"],
  ])("from %s, %s is %s", (now, text, expected) => {
    expect(parseDueDate(text, new Date(now), "UTC")).toEqual(day(expected));
  });

  it.each<[string, string, string, string]>([
    // 23:30 UTC is already the next day in Berlin, still the same day in New York
    ["2026-02-03T23:30:00Z", "Europe/Berlin", "today", "2026-02-04"],
    ["2026-02-03T23:30:00Z", "America/New_York", "today", "2026-02-03"],
    ["2026-02-04T03:00:00Z", "America/New_York", "tomorrow", "2026-02-04"],
    ["2026-02-03T11:00:00Z", "Pacific/Kiritimati", "today", "2026-02-04"],
    ["2026-02-03T11:00:00Z", "Pacific/Pago_Pago", "today", "2026-02-03"],
    // Sunday 22:00 in New York is Monday 03:00 UTC: `monday` is the next day there
    ["2026-02-09T03:00:00Z", "America/New_York", "monday", "2026-02-09"],
    ["2026-02-09T03:00:00Z", "UTC", "monday", "2026-02-16"],
    // across the DST change in New York (8 March 2026) a day is still a day
    ["2026-03-07T12:00:00Z", "America/New_York", "+1d", "2026-03-08"],
    ["2026-03-07T12:00:00Z", "America/New_York", "+2d", "2026-03-09"],
    ["2026-10-24T22:30:00Z", "Europe/Berlin", "+1d", "2026-10-26"],
  ])("from %s in %s, %s is %s", (now, zone, text, expected) => {
    expect(parseDueDate(text, new Date(now), zone)).toEqual(day(expected));
  });

  it.each([
    "2026-02-30",
    "2025-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-2-3",
    "03/02/2026",
    "+3m",
    "+3",
    "-1d",
    "+99999d",
    "someday",
    "next",
    "next month",
    "next next monday",
    "",
  ])("%j is not a date", (text) => {
    expect(parseDueDate(text, TUESDAY, "UTC")).toBeNull();
  });

  it("reads days in UTC when the configured zone is unknown", () => {
    expect(parseDueDate("today", new Date("2026-02-03T23:30:00Z"), "Mars/Olympus")).toEqual(
      day("2026-02-03"),
    );
  });
});
