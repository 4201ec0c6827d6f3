import { z } from "zod";
import { onCallSchema } from "./on-call-schema.js";

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
          "Repository of the service's code (`owner/name`) when it is not the incident's own: `/revert owner/name#12`, `/hotfix owner/name` and `/rollback owner/name` work on it.",
        ),
      paths: z.array(z.string()).default([]).describe("Path globs of the service's code."),
      runbook: z.url().optional().describe("Runbook link for the service."),
      // Without the top-level default: a service that names no on-call has none of its own.
      onCall: onCallSchema
        .unwrap()
        .optional()
        .describe(
          "Who is on call for this service (same shape as `onCall`): an incident's affected services with one of their own replace the top-level `onCall`: each one's primary is assigned and named on the incident's page (each person once), each one's secondary is escalated to; `/oncall` and `/page primary` use the first such service's.",
        ),
    }),
  )
  .default({})
  .describe("Services by name, as people select them in the form.");
