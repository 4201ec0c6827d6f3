import { z } from "zod";
import { formatPath } from "../../features/alerts/payload-problem.js";

/**
 * Opsgenie's Webhook integration back to us (its documented alert action data): who
 * acknowledged or closed which alert. Opsgenie does not sign these; the integration
 * sends the custom header configured in it (`Authorization: Bearer <token>`), checked
 * before this. Objects are loose: Opsgenie adds fields, and one more must not lose an ack.
 */
const webhookSchema = z.object({
  action: z.string(),
  source: z.object({ name: z.string().optional(), type: z.string().optional() }).optional(),
  alert: z.object({
    alertId: z.string(),
    alias: z.string().optional(),
    message: z.string().optional(),
    username: z.string().optional(),
    userId: z.string().optional(),
    updatedAt: z.union([z.number(), z.string()]).optional(),
  }),
  integrationName: z.string().optional(),
});

export type OpsgenieFact =
  | {
      kind: "acknowledged" | "resolved";
      /** The app's incident id, from the alert's `alias` (`INC-…`, or `INC-…:escalation-1`). */
      incidentId: string | null;
      /** Null when the action was made through the API (the app's own acknowledge and close). */
      by: { login: string | null; name: string } | null;
      eventId: string;
    }
  | { kind: "ignored"; reason: string };

export type OpsgenieWebhookResult =
  | { ok: true; fact: OpsgenieFact }
  | { ok: false; problems: { path: string; message: string }[] };

const FACTS: Record<string, "acknowledged" | "resolved"> = { Acknowledge: "acknowledged", Close: "resolved" };
const INCIDENT_ID = /\bINC-\d{8}-\d{3,}\b/;

/** `users` maps Opsgenie usernames (or names) to GitHub logins. */
export function parseOpsgenieWebhook(
  body: unknown,
  users: Readonly<Record<string, string>>,
): OpsgenieWebhookResult {
  const parsed = webhookSchema.safeParse(body);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message,
      })),
    };
  const { action, alert, source } = parsed.data;
  const kind = FACTS[action];
  if (!kind)
    return { ok: true, fact: { kind: "ignored", reason: `${action}: not an acknowledgement or close` } };
  const incidentId =
    INCIDENT_ID.exec(alert.alias ?? "")?.[0] ?? INCIDENT_ID.exec(alert.message ?? "")?.[0] ?? null;
  // Actions made through the Alert API (ours among them) are not news.
  const byApi = (source?.type ?? "").toLowerCase() === "api";
  const name = alert.username ?? alert.userId ?? "someone";
  const login = users[name] ?? (alert.userId ? users[alert.userId] : undefined) ?? null;
  return {
    ok: true,
    fact: {
      kind,
      incidentId,
      by: byApi ? null : { login: login?.replace(/^@/, "") ?? null, name },
      eventId: `${alert.alertId}:${action}:${alert.updatedAt ?? ""}`,
    },
  };
}
