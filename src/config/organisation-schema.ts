import { z } from "zod";
import { REPOSITORY_NAME } from "./services-schema.js";

/**
 * Organisation mode (§13): the one repository incidents live in, how far a freezing
 * incident's merge freeze reaches, and whether incidents declared in a code repository
 * move there. Code repositories read the same file (through `_extends` of the
 * organisation's `.github` repository), so both sides agree on it.
 */
export const organisationSchema = z
  .strictObject({
    repository: z
      .string()
      .regex(REPOSITORY_NAME, { message: "expected `owner/name` of a repository" })
      .optional()
      .describe(
        "The incidents repository (`owner/name`). Code repositories' pull requests look there for incidents freezing merges; ids are unique across it and the services' repositories.",
      ),
    freeze: z
      .enum(["affected", "all"])
      .default("affected")
      .describe(
        "Which code repositories a freezing incident freezes: the affected services' repositories (from the form), or every repository of the installation.",
      ),
    moveIncidents: z
      .boolean()
      .default(false)
      .describe(
        "Move incidents declared in a code repository to `repository` (GraphQL `transferIssue`) once declared; a closed pointer issue stays behind.",
      ),
  })
  .prefault({})
  .describe("Organisation mode: one incidents repository for many code repositories.");
