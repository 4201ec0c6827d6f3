import { z } from "zod";

/**
 * The working calendar that business-day deadlines count on (`pirDue: 2bd`,
 * `actionItems.defaultDue: 5bd`): the working week, the public holidays of a country
 * (and region) from the `date-holidays` library, and extra days off. Days are
 * counted in `timeZone`.
 */
export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

export const calendarSchema = z
  .strictObject({
    workingDays: z
      .array(z.enum(WEEKDAYS))
      .min(1)
      .default(["mon", "tue", "wed", "thu", "fri"])
      .describe("The working week."),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, { message: "expected an ISO 3166 country code such as GB, DE or US" })
      .nullable()
      .default(null)
      .describe("Country whose public holidays are days off (ISO 3166, e.g. `GB`); null: none."),
    region: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, { message: "expected a region code such as ENG or BY" })
      .nullable()
      .default(null)
      .describe("Region of the country whose holidays also count (e.g. `ENG` for GB, `BY` for DE)."),
    holidays: z
      .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a day as YYYY-MM-DD" }))
      .default([])
      .describe("Extra days off (YYYY-MM-DD), e.g. a company holiday."),
  })
  .prefault({})
  .describe("Working days and holidays for deadlines given in business days (`2bd`).");
