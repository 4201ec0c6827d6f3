import { z } from "zod";
import { formatPath } from "../../features/alerts/payload-problem.js";

/**
 * PagerDuty's v3 webhooks back to us, read into one fact: who acknowledged or
 * resolved which incident. The signature is checked before this (verify-signature).
 * Objects are loose: PagerDuty adds fields to its events, and an extra one must not
 * lose an acknowledgement.
 */
const reference = z.object({
  id: z.string(),
  type: z.string(),
  summary: z.string().optional(),
  html_url: z.string().nullish(),
});

const webhookSchema = z.object({
  event: z.object({
    id: z.string(),
    event_type: z.string(),
    resource_type: z.string().optional(),
    occurred_at: z.string().refine((text) => !Number.isNaN(Date.parse(text)), "expected an ISO 8601 time"),
    agent: reference.nullish(),
    data: z
      .object({
        id: z.string().optional(),
        number: z.number().optional(),
        title: z.string().optional(),
        html_url: z.string().optional(),
        incident_key: z.string().nullish(),
      })
      .nullish(),
  }),
});

export type PagerDutyActor =
  /** A person, named on GitHub when the config maps them; never guessed otherwise. */
  | { kind: "person"; pagerDutyId: string; name: string; githubLogin: string | null }
  /** An integration or the Events API (e.g. our own resolve): not to be echoed back. */
  | { kind: "integration"; name: string }
  | { kind: "unknown" };

export type PagerDutyFact =
  | {
      kind: "acknowledged" | "unacknowledged" | "resolved" | "reopened";
      /** The app's incident id, from the incident's `incident_key` (our `dedup_key`). */
      incidentId: string | null;
      pagerDutyIncident: { id: string | null; number: number | null; url: string | null };
      occurredAt: string;
      by: PagerDutyActor;
      eventId: string;
    }
  | { kind: "ignored"; eventType: string; reason: string; eventId: string };

export type PagerDutyWebhookResult =
  | { ok: true; fact: PagerDutyFact }
  | { ok: false; problems: { path: string; message: string }[] };

const FACTS = {
  "incident.acknowledged": "acknowledged",
  "incident.unacknowledged": "unacknowledged",
  "incident.resolved": "resolved",
  "incident.reopened": "reopened",
} as const;

const INCIDENT_ID = /\bINC-\d{8}-\d{3,}\b/;

/** `users` maps PagerDuty user ids (or names exactly as PagerDuty shows them) to GitHub logins. */
export function parsePagerDutyWebhook(
  body: unknown,
  users: Readonly<Record<string, string>>,
): PagerDutyWebhookResult {
  const parsed = webhookSchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message,
      })),
    };
  }
  const { event } = parsed.data;
  const kind = FACTS[event.event_type as keyof typeof FACTS];
  if (!kind) {
    return {
      ok: true,
      fact: {
        kind: "ignored",
        eventType: event.event_type,
        reason: "not an acknowledgement or resolution",
        eventId: event.id,
      },
    };
  }
  const data = event.data ?? {};
  // Our dedup_key: the incident id, or `<id>:<key>` for a page of its own (an escalation level).
  const incidentId =
    INCIDENT_ID.exec(data.incident_key ?? "")?.[0] ||
    data.incident_key?.trim() ||
    INCIDENT_ID.exec(data.title ?? "")?.[0] ||
    null;
  return {
    ok: true,
    fact: {
      kind,
      incidentId,
      pagerDutyIncident: { id: data.id ?? null, number: data.number ?? null, url: data.html_url ?? null },
      occurredAt: new Date(Date.parse(event.occurred_at)).toISOString(),
      by: actorOf(event.agent ?? null, users),
      eventId: event.id,
    },
  };
}

function actorOf(
  agent: z.output<typeof reference> | null,
  users: Readonly<Record<string, string>>,
): PagerDutyActor {
  if (agent === null) return { kind: "unknown" };
  const name = agent.summary ?? agent.id;
  if (agent.type !== "user_reference" && agent.type !== "user") return { kind: "integration", name };
  const login = users[agent.id] ?? (agent.summary !== undefined ? users[agent.summary] : undefined) ?? null;
  return { kind: "person", pagerDutyId: agent.id, name, githubLogin: login?.replace(/^@/, "") ?? null };
}

/** "acknowledged by @alice" or "acknowledged by Alice Example (PagerDuty)". */
export function describeActor(actor: PagerDutyActor): string {
  switch (actor.kind) {
    case "person":
      return actor.githubLogin ? `@${actor.githubLogin}` : `${actor.name} (PagerDuty)`;
    case "integration":
      return `${actor.name} (PagerDuty integration)`;
    case "unknown":
      return "PagerDuty";
  }
}
