import { z } from "zod";
import { alertsSchema } from "./alerts-schema.js";
import { calendarSchema } from "./calendar-schema.js";
import { checkAlertsPagingConsistency } from "./check-alerts-paging.js";
import { checkConfigConsistency } from "./check-consistency.js";
import { checklistsSchema } from "./checklist-schema.js";
import { commsPromptsSchema } from "./comms-schema.js";
import { deadline } from "./deadline-field.js";
import { DEFAULT_SEVERITIES, DEFAULT_STATUSES } from "./defaults.js";
import { duration } from "./duration-field.js";
import { actionItemsSchema, projectSchema, remindersSchema } from "./follow-up-schema.js";
import { LOGIN_PATTERN, login } from "./login-field.js";
import { onCallSchema } from "./on-call-schema.js";
import { organisationSchema } from "./organisation-schema.js";
import { checkOutwardConsistency, OutwardSchemas } from "./outward-schema.js";
import { pagingSchema } from "./paging-schema.js";
import { recurrenceSchema } from "./recurrence-schema.js";
import { reportSchema } from "./report-schema.js";
import { servicesSchema } from "./services-schema.js";
import { WarRoomSchema } from "./war-room-schema.js";

/**
 * The schema of `.github/incident.yml`. Every field has a default taken from the
 * incident-response plans the product encodes, so an empty file (or none) is a
 * complete, working configuration. Descriptions feed the generated reference docs.
 *
 * Objects are strict: an unknown key (usually a typo) is an error, not silently ignored.
 * Defaults of fields that transform their input (durations, users) are `prefault`s,
 * written as a person would write them, so the generated JSON schema can show them.
 */

export { DURATION_PATTERN } from "./duration-field.js";
export { LOGIN_PATTERN } from "./login-field.js";

/** For editors: a user, a team, or the on-call role `primary` / `secondary`. */
export const ESCALATION_TARGET_PATTERN = `^(primary|secondary|${LOGIN_PATTERN.source.slice(1, -1)})$`;
export const HEX_COLOR_PATTERN = /^[0-9a-fA-F]{6}$/;

/** Whom an escalation level notifies: a user, a team, or the current on-call role. */
const escalationTarget = z
  .string()
  .refine((text) => text === "primary" || text === "secondary" || LOGIN_PATTERN.test(text), {
    message: "expected a user (`@alice`), a team (`@org/team`), `primary` or `secondary`",
  })
  .transform((text) => text.replace(/^@/, ""))
  .meta({ pattern: ESCALATION_TARGET_PATTERN });

const timeZone = z.string().refine(isTimeZone, {
  message: "expected an IANA time zone such as UTC, Europe/Berlin or America/New_York",
});

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** GitHub's author associations: also what a relayed command may carry. */
export const association = z.enum([
  "OWNER",
  "MEMBER",
  "COLLABORATOR",
  "CONTRIBUTOR",
  "FIRST_TIME_CONTRIBUTOR",
  "FIRST_TIMER",
  "MANNEQUIN",
  "NONE",
]);

const hexColor = z
  .string()
  .regex(/^[0-9a-fA-F]{6}$/, { message: "expected a 6-digit hex colour without `#`" });

export const SeveritySchema = z
  .strictObject({
    name: z.string().min(1).describe("Label name of the severity, e.g. SEV-1."),
    aliases: z
      .array(z.string())
      .default([])
      .describe("Other words people may type for it (P0, sev1, critical)."),
    description: z.string().default("").describe("What the severity means; used as the label description."),
    color: hexColor.default("d93f0b").describe("Label colour."),
    ack: duration.nullable().prefault(null).describe("Target from detection to acknowledgement."),
    mitigate: duration.nullable().prefault(null).describe("Target from acknowledgement to mitigation."),
    resolve: duration.nullable().prefault(null).describe("Target from detection to resolution."),
    icWithin: duration.nullable().prefault(null).describe("Target from detection to an incident commander."),
    updateEvery: duration
      .nullable()
      .prefault(null)
      .describe("Status update cadence while the incident is open."),
    pirDue: deadline
      .nullable()
      .prefault(null)
      .describe(
        "When the post-incident review is due after resolution (`48h`, or business days: `2bd`); null means no PIR.",
      ),
    monitoringWindow: duration
      .nullable()
      .prefault(null)
      .describe("How long to monitor after mitigation before resolving; resolving sooner gets a warning."),
    notify: z.array(login).prefault([]).describe("Users or teams mentioned on declaration."),
    freeze: z
      .boolean()
      .default(false)
      .describe(
        "Freeze merges while open: a failing incident-freeze check on open PRs to the default branch (`/freeze on|off` overrides).",
      ),
  })
  .describe("One severity level.");

export const ConfigSchema = z
  .strictObject({
    _extends: z
      .string()
      .optional()
      .describe(
        "Inherit another file: `repo`, `owner/repo` or `owner/repo:path/file.yml` (the same path by default). Keys set here win; lists replace.",
      ),
    labels: z
      .strictObject({
        incident: z.string().default("incident").describe("Label that marks an issue as an incident."),
        triage: z
          .string()
          .default("incident: triage")
          .describe("Label for forms waiting for someone to /declare."),
        actionItem: z.string().default("action-item").describe("Label of action-item issues."),
        falsePositive: z
          .string()
          .default("false-positive")
          .describe("Label of incidents closed as false positives (`/false-positive`)."),
        drill: z
          .string()
          .default("drill")
          .describe("Label of drills (`/drill`); adding it by hand does the same."),
        statusPrefix: z.string().default("status: ").describe("Prefix of status labels."),
        priorityPrefix: z.string().default("priority: ").describe("Prefix of action-item priority labels."),
        freeze: z
          .string()
          .default("incident: freeze")
          .describe(
            "Label on incidents that freeze merges; adding or removing it by hand turns the freeze on or off.",
          ),
      })
      .prefault({})
      .describe(
        "Label names. Any may be renamed: label, close and reopen events route by the names set here (read at most once a minute per repository for issues without the default names).",
      ),
    severities: z
      .array(SeveritySchema)
      .min(1)
      .prefault(DEFAULT_SEVERITIES)
      .describe("Severities, most severe first."),
    defaultSeverity: z
      .string()
      .optional()
      .describe("Severity used when none is given; defaults to the second one."),
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
      .strictObject({
        commands: z
          .array(association)
          .default(["OWNER", "MEMBER", "COLLABORATOR"])
          .describe("Author associations allowed to run commands."),
        declare: z
          .array(association)
          .default(["OWNER", "MEMBER", "COLLABORATOR"])
          .describe("Author associations whose forms are declared at once; others wait in triage."),
        publicStatus: z
          .array(association)
          .default(["OWNER", "MEMBER", "COLLABORATOR"])
          .describe("Author associations allowed to publish customer-facing updates with `/status public`."),
      })
      .prefault({})
      .describe("Who may do what."),
    onCall: onCallSchema,
    escalation: z
      .array(
        z.strictObject({
          after: duration.describe(
            "Time since declaration; for `no-update`, time since the last status update (or declaration).",
          ),
          when: z
            .enum(["unacknowledged", "no-update", "unresolved"])
            .describe("Condition that must still hold."),
          notify: z
            .array(escalationTarget)
            .min(1)
            .describe("Users, teams, or the words primary / secondary."),
        }),
      )
      .prefault([])
      .describe("Escalation policy: each level notifies once when its condition holds after its time."),
    autoEscalation: z
      .array(
        z.strictObject({
          from: z.string().describe("Severity it applies to."),
          to: z.string().describe("Severity to raise it to; must be more severe."),
          after: duration.describe("How long an incident may stay unresolved at `from` before it is raised."),
        }),
      )
      .prefault([])
      .describe("Raise severity automatically when unresolved for a while (off unless configured)."),
    recentChanges: z
      .strictObject({
        window: duration.prefault("24h").describe("How far back to look for suspect changes."),
      })
      .prefault({})
      .describe("Suspects on declaration: merged PRs and deployments in the window before impact started."),
    deployments: z
      .strictObject({
        environment: z
          .string()
          .min(1)
          .default("production")
          .describe(
            "Environment whose deployments are suspects, appear on the timeline, and that `/hotfix from deployed` branches from.",
          ),
      })
      .prefault({})
      .describe("Deployments the app watches."),
    pir: z
      .strictObject({
        openOnResolve: z
          .array(z.string())
          .optional()
          .describe(
            "Severities whose resolution opens the post-incident review PR (default: the two most severe); `/pir` opens it for any.",
          ),
        path: z
          .string()
          .regex(/\{id\}/, { message: "expected a path containing `{id}`, e.g. docs/incidents/{id}.md" })
          .default("docs/incidents/{id}.md")
          .describe("Where the review is written, on branch `pir/<id>`; `{id}` is the incident id."),
      })
      .prefault({})
      .describe("The post-incident review pull request."),
    services: servicesSchema,
    organisation: organisationSchema,
    runbooks: z
      .array(
        z.strictObject({
          match: z.string().min(1).describe("Keyword, matched case-insensitively."),
          url: z.url().describe("Runbook link."),
        }),
      )
      .default([])
      .describe("Keyword (in title or body) to runbook link."),
    actionItems: actionItemsSchema,
    project: projectSchema,
    reminders: remindersSchema,
    report: reportSchema,
    calendar: calendarSchema,
    recurrence: recurrenceSchema,
    checklists: checklistsSchema,
    commsPrompts: commsPromptsSchema,
    timeZone: timeZone.default("UTC").describe("IANA time zone for times people type without one."),
    ...OutwardSchemas,
    warRoom: WarRoomSchema,
    alerts: alertsSchema,
    paging: pagingSchema,
  })
  .superRefine(checkConfigConsistency)
  .superRefine(checkOutwardConsistency)
  .superRefine(checkAlertsPagingConsistency)
  .describe("Configuration of the incident app (.github/incident.yml).");

export type Config = z.output<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
export type Severity = z.output<typeof SeveritySchema>;
