import { z } from "zod";
import { login } from "./login-field.js";
import { onCallSchema } from "./on-call-schema.js";

/** `owner/name`, as GitHub writes a repository. */
export const REPOSITORY_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/;

/** A file in the service's repository, as `HEAD:<path>` reads it: relative, no `..`, not a folder. */
const OWNERS_FILE = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\s:]+[^/\s:]$/;

/**
 * Where a service's code owners come from (§13): a fixed list of people and teams, or a
 * CODEOWNERS-format file in the service's repository (a monorepo's per-service file).
 */
const codeOwnersSchema = z.union(
  [
    z.array(login).min(1, { message: "expected at least one owner, such as `@acme/search-team`" }),
    z.string().regex(OWNERS_FILE, {
      message:
        'expected a path of a CODEOWNERS-format file in the service\'s repository, such as `services/search/CODEOWNERS`, or a list of owners such as `["@acme/search-team"]`',
    }),
  ],
  {
    error: () =>
      'expected a list of owners such as `["@acme/search-team", "@alice"]` or the path of a CODEOWNERS-format file such as `services/search/CODEOWNERS`',
  },
);

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
      codeOwners: codeOwnersSchema
        .optional()
        .describe(
          "Code owners of the service's suspects instead of its repository's `CODEOWNERS`: a list of owners (`[\"@acme/search-team\"]`, owning every change in the service's `paths`), or the path of a CODEOWNERS-format file in the service's repository (`services/search/CODEOWNERS`).",
        ),
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
