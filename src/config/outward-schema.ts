import { z } from "zod";
import { checkSeverityRef } from "./check-consistency.js";
import { duration } from "./duration-field.js";

/**
 * Options of outward communication: chat notifications, the public status page, and
 * how security incidents are handled. Secrets never live in the repo file: a chat
 * target names the environment variable that holds its webhook URL.
 */

/** What a chat target can hear about; each is a kind of timeline entry. */
export const NOTIFY_EVENTS = [
  "declared",
  "acknowledged",
  "severity",
  "status",
  "roles",
  "update",
  "escalation",
  "public-status",
  "resolved",
  "reopened",
  "pir-merged",
] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

export const CHAT_TYPES = ["slack", "teams", "discord", "webhook"] as const;
export type ChatType = (typeof CHAT_TYPES)[number];

/** The customer-facing states of the plans' status pages, in order. */
export const PUBLIC_STATES = ["investigating", "identified", "monitoring", "resolved"] as const;
export type PublicState = (typeof PUBLIC_STATES)[number];

export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TARGET_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const ENV_NAME_MESSAGE =
  "expected the name of an environment variable or secret (e.g. SLACK_ALERTS_WEBHOOK_URL), never the URL itself";

/** The value is not echoed in the error: a pasted webhook URL is a secret, and errors are posted on issues. */
const envName = z
  .string()
  .superRefine((text, ctx) => {
    if (!ENV_NAME_PATTERN.test(text))
      ctx.addIssue({ code: "custom", message: ENV_NAME_MESSAGE, input: undefined });
  })
  .meta({ pattern: ENV_NAME_PATTERN.source });

const ChatTargetSchema = z.strictObject({
  type: z
    .enum(CHAT_TYPES)
    .describe(
      "Message format: `slack` (Block Kit), `teams` (Adaptive Card), `discord` (embed) or `webhook` (plain JSON).",
    ),
  urlFrom: envName.describe(
    "Name of the environment variable (or GitHub Actions secret) holding the incoming-webhook URL. The URL itself never goes in this file.",
  ),
  severities: z
    .array(z.string())
    .optional()
    .describe("Severities this target hears about; all of them when omitted."),
  events: z
    .array(z.enum(NOTIFY_EVENTS))
    .optional()
    .describe(`What it hears about, of ${NOTIFY_EVENTS.join(", ")}; all of them when omitted.`),
  public: z
    .boolean()
    .default(false)
    .describe(
      "A channel people outside the response can read (community, customers): security incidents never reach it.",
    ),
});

export type ChatTargetConfig = z.output<typeof ChatTargetSchema>;

export const OutwardSchemas = {
  notifications: z
    .strictObject({
      targets: z
        .record(
          z.string().regex(TARGET_NAME_PATTERN, { message: "expected a name of letters, digits, - and _" }),
          ChatTargetSchema,
        )
        .default({})
        .describe("Chat targets by name (e.g. `alerts`, `ops`); none by default."),
      timeout: duration.prefault("5s").describe("How long one delivery attempt may take."),
      attempts: z
        .number()
        .int()
        .min(1)
        .max(5)
        .default(3)
        .describe("Attempts per message before the target is reported as failing."),
    })
    .prefault({})
    .describe("Chat notifications: incoming webhooks that hear about incidents, chosen by severity."),
  statusPage: z
    .strictObject({
      enabled: z
        .boolean()
        .default(true)
        .describe("Publish `/status public` updates to a static status site on `branch`."),
      branch: z.string().min(1).default("gh-pages").describe("Branch the site is committed to."),
      folder: z
        .string()
        .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, {
          message: "expected a folder such as `status` or `site/status`",
        })
        .default("status")
        .describe("Folder of the site on that branch."),
      title: z.string().min(1).default("Service status").describe("Title of the status page."),
      url: z
        .url()
        .optional()
        .describe(
          "Public address of the site, for links in the feed and replies; defaults to the GitHub Pages address.",
        ),
      days: z
        .number()
        .int()
        .min(1)
        .max(365)
        .default(90)
        .describe("How many days of past incidents it shows."),
    })
    .prefault({})
    .describe(
      "The public status page (index.html, incidents.json and an Atom feed), ready for GitHub Pages.",
    ),
  security: z
    .strictObject({
      label: z
        .string()
        .min(1)
        .default("security")
        .describe("Label that marks a security incident, like the form's checkbox."),
      severity: z
        .string()
        .optional()
        .describe("Severity forced on security incidents; the most severe one when omitted."),
      repository: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/, {
          message: "expected `owner/name` of a repository",
        })
        .optional()
        .describe(
          "Private repository security incidents move to (GraphQL `transferIssue`) when they are marked in a public one, before the app writes anything else. Without it, the app says once what to do and spreads nothing.",
        ),
    })
    .prefault({})
    .describe(
      "Security incidents get the top severity and never reach a public surface (status page, public chat targets, a review file or report in a public repository); in public repositories they move to `repository`.",
    ),
};

/** The part of the parsed config these checks read. */
type OutwardInput = {
  severities: ReadonlyArray<{ name: string; aliases: readonly string[] }>;
  notifications: { targets: Record<string, { severities?: string[] | undefined }> };
  security: { severity?: string | undefined };
};

export function checkOutwardConsistency(config: OutwardInput, ctx: z.RefinementCtx): void {
  for (const [name, target] of Object.entries(config.notifications.targets)) {
    target.severities?.forEach((severity, index) => {
      checkSeverityRef(config, severity, ["notifications", "targets", name, "severities", index], ctx);
    });
  }
  if (config.security.severity !== undefined)
    checkSeverityRef(config, config.security.severity, ["security", "severity"], ctx);
}
