import { z } from "zod";
import { duration } from "./duration-field.js";

/**
 * The `paging` part of `.github/incident.yml`: which paging service wakes people, and
 * for which severities. Keys and secrets stay out of the file: each field ending in
 * `From` names the environment variable that holds the value.
 */

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
  message: "expected the name of an environment variable (e.g. PAGERDUTY_ROUTING_KEY), never the key itself",
});

const login = z
  .string()
  .regex(/^@?[A-Za-z0-9][A-Za-z0-9-]*$/, { message: "expected a GitHub login such as `@alice`" })
  .transform((text) => text.replace(/^@/, ""));

export const PAGING_MODES = ["page", "notify", "none"] as const;
export type PagingMode = (typeof PAGING_MODES)[number];

const mode = z
  .enum(PAGING_MODES)
  .describe(
    "`page`: a high-urgency page; `notify`: a low-urgency event (no phone call); `none`: the issue is the ticket, nothing is sent.",
  );

const severityPaging = z
  .union([
    mode.transform((value) => ({ mode: value, pageAfter: undefined })),
    z.strictObject({
      mode,
      pageAfter: duration
        .optional()
        .describe("For `notify`: page after this long unacknowledged (seed plan: SEV-2 pages after 15 min)."),
    }),
  ])
  .describe("A mode, or `{ mode, pageAfter }`.");

export type SeverityPaging = z.output<typeof severityPaging>;

/** Seed plan 002: SEV-1 pages, SEV-2 notifies then pages after 15 min, SEV-3 notifies, SEV-4 is a ticket. */
const DEFAULT_SEVERITIES = {
  "SEV-1": "page",
  "SEV-2": { mode: "notify", pageAfter: "15m" },
  "SEV-3": "notify",
  "SEV-4": "none",
} as const;

const usersMap = z
  .record(z.string().min(1), login)
  .default({})
  .describe(
    "People in the paging service (user id, or name exactly as shown there) to GitHub logins; unmapped people are named, never guessed.",
  );

const httpsUrl = z.url({ protocol: /^https?$/, error: "expected an http(s) URL" });

export const pagingSchema = z
  .strictObject({
    service: z
      .enum(["none", "pagerduty", "opsgenie"])
      .default("none")
      .describe("The paging service pages go through; `none` sends nothing."),
    severities: z
      .record(z.string().min(1), severityPaging)
      .prefault(DEFAULT_SEVERITIES)
      .describe("Per severity: `page`, `notify` or `none`; a severity not listed sends nothing."),
    pagerduty: z
      .strictObject({
        routingKeyFrom: envName.describe("Variable holding the Events API v2 integration (routing) key."),
        webhookSecretFrom: envName
          .optional()
          .describe(
            "Variable holding the v3 webhook subscription's signing secret, for acks and resolves coming back.",
          ),
        baseUrl: httpsUrl
          .default("https://events.pagerduty.com")
          .describe("Events API address (EU: https://events.eu.pagerduty.com)."),
        users: usersMap,
        services: z
          .record(z.string().min(1), envName)
          .default({})
          .describe(
            "Services `/page <service>` may page: name → variable holding that PagerDuty service's routing key.",
          ),
      })
      .optional()
      .describe("PagerDuty Events API v2, for `service: pagerduty`."),
    opsgenie: z
      .strictObject({
        apiKeyFrom: envName.describe("Variable holding the API integration key (sent as `GenieKey`)."),
        webhookTokenFrom: envName
          .optional()
          .describe(
            "Variable holding the token the Webhook integration sends as `Authorization: Bearer <token>`, for acks and closes coming back.",
          ),
        baseUrl: httpsUrl
          .default("https://api.opsgenie.com")
          .describe("API address (EU: https://api.eu.opsgenie.com)."),
        responders: z
          .array(
            z.strictObject({
              type: z.enum(["team", "user", "escalation", "schedule"]).describe("Kind of responder."),
              name: z.string().min(1).describe("Its name (for a user: the Opsgenie username, an email)."),
            }),
          )
          .default([])
          .describe("Who Opsgenie notifies; the integration's own team when empty."),
        users: usersMap,
        services: z
          .record(z.string().min(1), z.string().min(1))
          .default({})
          .describe("Services `/page <service>` may page: name → the Opsgenie team that answers for it."),
      })
      .optional()
      .describe("Opsgenie Alert API, for `service: opsgenie`."),
    attempts: z
      .number()
      .int()
      .min(1)
      .max(8)
      .default(4)
      .describe("Attempts per page on 429 and 5xx answers before the failure is reported on the incident."),
    maxDelay: duration
      .prefault("30s")
      .describe("Longest wait between attempts, even when Retry-After asks for more."),
  })
  .superRefine((config, ctx) => {
    if (config.service === "pagerduty" && !config.pagerduty)
      ctx.addIssue({ code: "custom", path: ["pagerduty"], message: "required when `service` is pagerduty" });
    if (config.service === "opsgenie" && !config.opsgenie)
      ctx.addIssue({ code: "custom", path: ["opsgenie"], message: "required when `service` is opsgenie" });
  })
  .prefault({})
  .describe("Pages out: the paging service and which severities page, notify, or only open the ticket.");

export type PagingConfig = z.output<typeof pagingSchema>;
