import { z } from "zod";
import { duration } from "./duration-field.js";
import { login } from "./login-field.js";

/** The `onCall` part of `.github/incident.yml`: fixed lists, a rotation, and swaps by date. */
const onCallRotation = z.strictObject({
  users: z.array(login).min(1).describe("People in rotation order."),
  start: z.iso.datetime({ offset: true }).describe("When the first person's shift starts (ISO 8601)."),
  every: duration.prefault("1w").describe("Length of one shift."),
});

export const onCallSchema = z
  .strictObject({
    primary: z.array(login).prefault([]).describe("Fixed primary on-call (used when no rotation is set)."),
    secondary: z.array(login).prefault([]).describe("Fixed secondary on-call."),
    rotation: onCallRotation
      .optional()
      .describe("A rotation; the current person is primary, the next secondary."),
    overrides: z
      .array(
        z.strictObject({
          from: z.iso.datetime({ offset: true }).describe("Start of the override (ISO 8601)."),
          until: z.iso.datetime({ offset: true }).describe("End of the override (ISO 8601)."),
          primary: login.optional().describe("Primary on-call during it."),
          secondary: login.optional().describe("Secondary on-call during it."),
        }),
      )
      .prefault([])
      .describe("Swaps by date (holidays, trades): they win over the rotation and the fixed lists."),
  })
  .prefault({})
  .describe("Who is on call; declaration assigns the primary.");
