import { z } from "zod";
import { deadline } from "./deadline-field.js";
import { duration } from "./duration-field.js";

/**
 * The parts of `.github/incident.yml` about what happens after an incident: action
 * items (from `/action` or the merged review's table), the project board they go on,
 * and when the sweep reminds people of what is due.
 */
const priority = z.enum(["high", "medium", "low"]);

export const actionItemsSchema = z
  .strictObject({
    defaultOwner: z
      .enum(["author", "ic", "none"])
      .default("author")
      .describe(
        "Owner when `/action` or a review row names nobody: who asked (merged the review), the incident commander, or nobody.",
      ),
    defaultDue: deadline
      .nullable()
      .prefault("1w")
      .describe(
        "Due date when `/action` or a review row gives none, in days (`1w`) or business days (`5bd`) from the command (or merge); null: no due date.",
      ),
    defaultPriority: priority
      .default("medium")
      .describe("Priority when `/action` or a review row gives none."),
  })
  .prefault({})
  .describe("Action items created with `/action` or from the rows of the merged review's table.");

export const projectSchema = z
  .strictObject({
    owner: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, { message: "expected an organisation login such as `acme`" })
      .describe("Organisation that owns the project (GitHub Apps cannot reach user projects)."),
    number: z.number().int().positive().describe("Project number, from its URL (`/orgs/acme/projects/3`)."),
    fields: z
      .strictObject({
        due: z.string().default("Due").describe("Date field for the due date."),
        priority: z
          .string()
          .default("Priority")
          .describe("Single-select field with high, medium, low options."),
        status: z.string().default("Status").describe("Single-select field for open and done."),
      })
      .prefault({})
      .describe("Names of the project's fields the app sets."),
    status: z
      .strictObject({
        open: z.string().default("Todo").describe("Status option of an open action item."),
        done: z.string().default("Done").describe("Status option of a closed action item."),
      })
      .prefault({})
      .describe("Options of the status field."),
  })
  .optional()
  .describe("Project board (Projects v2) action items are added to; off unless configured.");

export const remindersSchema = z
  .strictObject({
    dueSoon: duration
      .prefault("2d")
      .describe("Remind an action item's owner this many days before its due date (whole days)."),
    overdueEvery: duration
      .prefault("3d")
      .describe("After the due date: remind the day after, then again every this many days (whole days)."),
    pirDueSoon: duration
      .prefault("1d")
      .describe("Remind the incident commander this long before the PIR is due."),
  })
  .prefault({})
  .describe("When the sweep reminds people of due dates (each reminder once per window).");
