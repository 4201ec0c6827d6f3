import { z } from "zod";
import { duration } from "./duration-field.js";

/**
 * Recurrence (DESIGN §8, seed plan 002's "related incidents"): on declaration, earlier
 * incidents on the same service within this window are named, with their open action items.
 */
export const recurrenceSchema = z
  .strictObject({
    window: duration
      .prefault("90d")
      .describe("How far back to look for earlier incidents on the same service when declaring."),
    repos: z
      .array(z.string().regex(/^[\w.-]+\/[\w.-]+$/, { message: "expected a repository as owner/name" }))
      .default([])
      .describe(
        "Other repositories whose incidents count too (e.g. where older incidents were kept); the app must be installed there.",
      ),
  })
  .prefault({})
  .describe("Earlier incidents on the same service, named on declaration and in the PIR.");
