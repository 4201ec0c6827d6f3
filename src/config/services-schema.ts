import { z } from "zod";

/** `owner/name`, as GitHub writes a repository. */
export const REPOSITORY_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/;

/**
 * Services by name (§13): the words people pick in the form, and where each one's code
 * lives. In organisation mode the incidents repository names every service's repository.
 */
export const servicesSchema = z
  .record(
    z.string(),
    z.strictObject({
      repository: z
        .string()
        .regex(REPOSITORY_NAME, { message: "expected `owner/name` of a repository" })
        .optional()
        .describe(
          "Repository of the service's code (`owner/name`) when it is not the incident's own: `/revert owner/name#12` works on it.",
        ),
      paths: z.array(z.string()).default([]).describe("Path globs of the service's code."),
      runbook: z.url().optional().describe("Runbook link for the service."),
    }),
  )
  .default({})
  .describe("Services by name, as people select them in the form.");
