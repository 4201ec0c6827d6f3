import { z } from "zod";
import { parseDuration } from "./duration.js";
import { DEFAULT_SEVERITIES, DEFAULT_STATUSES } from "./defaults.js";

/**
 * The schema of `.github/incident.yml`. Every field has a default taken from the
 * incident-response plans the product encodes, so an empty file (or none) is a
 * complete, working configuration. Descriptions feed the generated reference docs.
 */

const duration = z
  .string()
  .refine((text) => parseDuration(text) !== null, {
    message: "expected a duration such as 5m, 1h, 2d or 1w",
  })
  .transform((text) => parseDuration(text) as number);

const login = z
  .string()
  .regex(/^@?[A-Za-z0-9][A-Za-z0-9-]*(\[bot\])?(\/[A-Za-z0-9._-]+)?$/, {
    message: "expected a GitHub user (@alice) or team (@org/team)",
  })
  .transform((text) => text.replace(/^@/, ""));

const association = z.enum([
  "OWNER",
  "MEMBER",
  "COLLABORATOR",
  "CONTRIBUTOR",
  "FIRST_TIME_CONTRIBUTOR",
  "FIRST_TIMER",
  "MANNEQUIN",
  "NONE",
]);

const hexColor = z.string().regex(/^[0-9a-fA-F]{6}$/, { message: "expected a 6-digit hex colour without #" });

export const SeveritySchema = z
  .object({
    name: z.string().min(1).describe("Label name of the severity, e.g. SEV-1."),
    aliases: z.array(z.string()).default([]).describe("Other words people may type for it (P0, sev1, critical)."),
    description: z.string().default("").describe("What the severity means; used as the label description."),
    color: hexColor.default("d93f0b").describe("Label colour."),
    ack: duration.nullable().default(null).describe("Target from detection to acknowledgement."),
    mitigate: duration.nullable().default(null).describe("Target from acknowledgement to mitigation."),
    resolve: duration.nullable().default(null).describe("Target from detection to resolution."),
    updateEvery: duration.nullable().default(null).describe("Status update cadence while the incident is open."),
    pirDue: duration
      .nullable()
      .default(null)
      .describe("When the post-incident review is due after resolution; null means no PIR."),
    monitoringWindow: duration
      .nullable()
      .default(null)
      .describe("How long to monitor after mitigation before resolving; resolving sooner gets a warning."),
    notify: z.array(login).default([]).describe("Users or teams mentioned on declaration."),
    freeze: z.boolean().default(false).describe("Fail an incident-freeze check on open PRs while open."),
  })
  .describe("One severity level.");

const onCallRotation = z.object({
  users: z.array(login).min(1).describe("People in rotation order."),
  start: z.iso.datetime({ offset: true }).describe("When the first person's shift starts (ISO 8601)."),
  every: duration.default(604_800_000).describe("Length of one shift."),
});

export const ConfigSchema = z
  .object({
    labels: z
      .object({
        incident: z.string().default("incident").describe("Label that marks an issue as an incident."),
        triage: z.string().default("incident: triage").describe("Label for forms waiting for someone to /declare."),
        actionItem: z.string().default("action-item").describe("Label of action-item issues."),
        statusPrefix: z.string().default("status: ").describe("Prefix of status labels."),
        priorityPrefix: z.string().default("priority: ").describe("Prefix of action-item priority labels."),
      })
      .prefault({})
      .describe("Label names."),
    severities: z
      .array(SeveritySchema)
      .min(1)
      .prefault(DEFAULT_SEVERITIES)
      .describe("Severities, most severe first."),
    defaultSeverity: z.string().optional().describe("Severity used when none is given; defaults to the second one."),
    statuses: z
      .array(z.string().min(1))
      .min(2)
      .default(DEFAULT_STATUSES)
      .describe("Status names in order; the first is where incidents start, the last means resolved."),
    mitigatedStatus: z
      .string()
      .default("monitoring")
      .describe("Reaching this status (or any later one) counts as mitigated."),
    permissions: z
      .object({
        commands: z
          .array(association)
          .default(["OWNER", "MEMBER", "COLLABORATOR"])
          .describe("Author associations allowed to run commands."),
        declare: z
          .array(association)
          .default(["OWNER", "MEMBER", "COLLABORATOR"])
          .describe("Author associations whose forms are declared at once; others wait in triage."),
      })
      .prefault({})
      .describe("Who may do what."),
    onCall: z
      .object({
        primary: z.array(login).default([]).describe("Fixed primary on-call (used when no rotation is set)."),
        secondary: z.array(login).default([]).describe("Fixed secondary on-call."),
        rotation: onCallRotation.optional().describe("A rotation; the current person is primary, the next secondary."),
      })
      .prefault({})
      .describe("Who is on call; declaration assigns the primary."),
    escalation: z
      .array(
        z.object({
          after: duration.describe("Time since declaration."),
          when: z.enum(["unacknowledged", "no-update", "unresolved"]).describe("Condition that must still hold."),
          notify: z.array(z.string()).min(1).describe("Users, teams, or the words primary / secondary."),
        }),
      )
      .default([])
      .describe("Escalation policy: each level notifies once when its condition holds after its time."),
    autoEscalation: z
      .array(z.object({ from: z.string(), to: z.string(), after: duration }))
      .default([])
      .describe("Raise severity automatically when unresolved for a while (off unless configured)."),
    recentChanges: z
      .object({ window: duration.default(86_400_000).describe("How far back to look for suspect changes.") })
      .prefault({})
      .describe("Suspects on declaration."),
    services: z
      .record(
        z.string(),
        z.object({
          paths: z.array(z.string()).default([]).describe("Path globs of the service's code."),
          runbook: z.url().optional().describe("Runbook link for the service."),
        }),
      )
      .default({})
      .describe("Services by name, as people select them in the form."),
    runbooks: z
      .array(z.object({ match: z.string().min(1), url: z.url() }))
      .default([])
      .describe("Keyword (in title or body) to runbook link."),
    timeZone: z.string().default("UTC").describe("IANA time zone for times people type without one."),
  })
  .describe("Configuration of the incident app (.github/incident.yml).");

export type Config = z.output<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
export type Severity = z.output<typeof SeveritySchema>;
