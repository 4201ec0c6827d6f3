import { z } from "zod";
import { duration } from "./duration-field.js";

/**
 * The `alerts` part of `.github/incident.yml`: how alerts from monitoring become
 * incidents. Secrets never live in the repo file: a source names the environment
 * variable that holds its secret.
 */

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const envName = z.string().regex(ENV_NAME, {
  message: "expected the name of an environment variable (e.g. ALERTMANAGER_TOKEN), never the secret itself",
});

export const REPOSITORY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/;
const repository = z
  .string()
  .regex(REPOSITORY_PATTERN, { message: "expected a repository as `owner/name`, e.g. `acme/incidents`" });

const HEADER = /^[A-Za-z0-9-]+$/;

/** Alertmanager can only send an Authorization header (`http_config.authorization`). */
const bearerSource = z.strictObject({
  auth: z
    .literal("bearer")
    .default("bearer")
    .describe("`bearer`: the request's `Authorization: Bearer <token>`."),
  secretFrom: envName.describe("Environment variable holding the token."),
});

function signedSource(defaultHeader: string) {
  return z.strictObject({
    auth: z
      .enum(["bearer", "hmac-sha256"])
      .default("bearer")
      .describe(
        "`bearer` (Authorization header) or `hmac-sha256` (hex signature of the raw body in `header`).",
      ),
    secretFrom: envName.describe("Environment variable holding the token or the signing secret."),
    header: z
      .string()
      .regex(HEADER)
      .default(defaultHeader)
      .describe("Header carrying the hex HMAC-SHA256 signature, for `hmac-sha256`."),
    timestampHeader: z
      .string()
      .regex(HEADER)
      .optional()
      .describe("Header with a Unix timestamp signed as `timestamp:body` (Grafana's replay protection)."),
  });
}

const route = z.strictObject({
  match: z
    .record(z.string().min(1), z.union([z.string(), z.array(z.string()).min(1)]))
    .refine((match) => Object.keys(match).length > 0, { message: "expected at least one label to match" })
    .describe("Labels the alert must carry, each equal to the value or one of the listed values."),
  repository: repository.describe("Repository the incident is declared in, as `owner/name`."),
  severity: z
    .string()
    .min(1)
    .optional()
    .describe("Severity of the incident, e.g. SEV-2; taken from the alert's severity label when omitted."),
});

export type AlertRouteConfig = z.output<typeof route>;

export const alertsSchema = z
  .strictObject({
    sources: z
      .strictObject({
        alertmanager: bearerSource.optional().describe("Prometheus Alertmanager webhook (version 4)."),
        grafana: signedSource("X-Grafana-Alerting-Signature")
          .optional()
          .describe("Grafana alerting webhook contact point."),
        generic: signedSource("X-Alert-Signature-256")
          .optional()
          .describe("The app's generic JSON alert (docs/alerts.md)."),
      })
      .prefault({})
      .describe("Alert sources the server accepts; a source that is not listed is refused."),
    routes: z
      .array(route)
      .prefault([])
      .describe("Where alerts go, first match wins: labels to a repository and severity."),
    defaultRepository: repository
      .optional()
      .describe(
        "Where an alert no route matches opens a triage issue; without it such alerts are refused (422).",
      ),
    severityLabel: z
      .string()
      .min(1)
      .default("severity")
      .describe("Alert label read for the severity when the route names none."),
    severityFromLabel: z
      .record(z.string(), z.string().min(1))
      .default({
        critical: "SEV-1",
        page: "SEV-1",
        high: "SEV-2",
        error: "SEV-2",
        warning: "SEV-3",
        info: "SEV-4",
      })
      .describe(
        "Values of that label (lower-cased) to severities; severity names themselves are also accepted.",
      ),
    defaultSeverity: z
      .string()
      .min(1)
      .default("SEV-3")
      .describe("Severity when neither the route nor the alert's label gives one."),
    triageBelow: z
      .string()
      .min(1)
      .nullable()
      .default("SEV-3")
      .describe(
        "Alerts less severe than this open an `incident: triage` issue instead of declaring; null: every alert declares.",
      ),
    flappingWindow: duration
      .prefault("30m")
      .describe(
        "An alert firing again this soon after its incident was resolved reopens it instead of declaring anew.",
      ),
    storm: z
      .object({
        newIncidentsPerMinute: z
          .number()
          .int()
          .min(1)
          .max(25)
          .default(10)
          .describe(
            "New alert fingerprints that may open an incident of their own per repository and minute (each costs about 4 of GitHub's 80 content-creating requests a minute); beyond it they are grouped into one alert storm incident.",
          ),
        contentPerMinute: z
          .number()
          .int()
          .min(10)
          .max(80)
          .default(50)
          .describe(
            "Content-creating requests (issues, comments) alerts may make per account in any 60 seconds, of GitHub's 80; shared by the replicas through Redis with REDIS_URL. Beyond it alerts are grouped into the storm incident or counted in place.",
          ),
        contentPerHour: z
          .number()
          .int()
          .min(10)
          .max(500)
          .default(400)
          .describe(
            "Content-creating requests alerts may make per account in any hour, of GitHub's 500; the rest is left to people's commands and the sweep.",
          ),
      })
      .prefault({})
      .describe("Alert storms: many new fingerprints at once open one incident, not one each."),
    resolvedMarksMitigated: z
      .boolean()
      .default(false)
      .describe(
        "When the alert resolves, mark the incident mitigated (it is always recorded on the timeline).",
      ),
  })
  .prefault({})
  .describe("Alerts in: which monitoring systems may declare incidents, and where their alerts go.");

export type AlertsConfig = z.output<typeof alertsSchema>;
