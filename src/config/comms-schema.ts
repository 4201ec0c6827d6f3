import { z } from "zod";
import { duration } from "./duration-field.js";

/**
 * External communication prompts (seed plans 000, 001): when the comms role should
 * start talking to customers. The sweep prompts the comms role (else the IC, else the
 * on-call) once per rule, with a customer-facing update drafted from the incident.
 */
export const commsPromptsSchema = z
  .array(
    z.strictObject({
      severities: z
        .array(z.string().min(1))
        .min(1)
        .describe("Severities (names or aliases) the rule is for."),
      after: duration
        .optional()
        .describe("Time since declaration while still unresolved; absent: as soon as the sweep sees it."),
      reason: z.string().min(1).max(300).describe("Why now, as the prompt says it."),
    }),
  )
  .prefault([
    {
      severities: ["SEV-1"],
      reason: "SEV-1 incidents always get external communication (status page, email)",
    },
    {
      severities: ["SEV-1", "SEV-2"],
      after: "30m",
      reason: "30 minutes without resolution: prepare public communication",
    },
    {
      severities: ["SEV-2"],
      after: "2h",
      reason: "SEV-2 incidents get external communication once they pass 2 hours",
    },
  ])
  .describe(
    "External communication prompts: each rule prompts the comms role once, with a drafted customer-facing update; none after a public update was posted.",
  );
