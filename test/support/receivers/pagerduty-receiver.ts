import { createHmac, randomUUID } from "node:crypto";
import { type Answer, isJson, type ReceivedRequest, type Receiver, startReceiver } from "./http-receiver.js";
import { type PagerDutyEventBody, pagerDutyErrors, pagerDutyEventSchema } from "./pagerduty-event-shape.js";

/**
 * A local PagerDuty: the Events API v2 (`POST /v2/enqueue`) answering as PagerDuty
 * does, keeping incidents by dedup_key, and able to send signed v3 webhooks back
 * as if a person acknowledged or resolved in PagerDuty.
 */
export interface PagerDutyIncident {
  id: string;
  number: number;
  dedupKey: string;
  status: "triggered" | "acknowledged" | "resolved";
  summary: string;
  severity: string;
  /** Triggers received while open (PagerDuty groups them into one incident). */
  triggers: number;
}

export interface PagerDutyReceiver extends Receiver {
  /** Events accepted (202), in order. */
  events: PagerDutyEventBody[];
  incidents: PagerDutyIncident[];
  sendWebhook(options: WebhookOptions): Promise<Response>;
}

export interface WebhookOptions {
  url: string;
  secrets: readonly string[];
  eventType: "incident.acknowledged" | "incident.resolved" | "incident.unacknowledged" | "incident.reopened";
  dedupKey: string;
  agent: { id: string; name: string } | null;
}

const STATUS_AFTER = {
  "incident.acknowledged": "acknowledged",
  "incident.unacknowledged": "triggered",
  "incident.resolved": "resolved",
  "incident.reopened": "triggered",
} as const;

const invalid = (errors: string[]): Answer => ({
  status: 400,
  body: { status: "invalid event", message: "Event object is invalid", errors },
});

export async function startPagerDutyReceiver(): Promise<PagerDutyReceiver> {
  const events: PagerDutyEventBody[] = [];
  const incidents: PagerDutyIncident[] = [];

  function handle(request: ReceivedRequest): Answer {
    if (request.method !== "POST" || request.path !== "/v2/enqueue") {
      return { status: 404, body: { status: "not found", message: "Not Found" } };
    }
    if (!isJson(request.headers)) return invalid(["Content-Type must be application/json"]);
    if (request.jsonError !== null || request.body === undefined) return invalid(["Body is not valid JSON"]);
    const parsed = pagerDutyEventSchema.safeParse(request.body);
    if (!parsed.success) return invalid(pagerDutyErrors(parsed.error));
    const event = parsed.data;
    const dedupKey = event.dedup_key ?? randomUUID().replaceAll("-", "");
    events.push(event);
    apply(event, dedupKey);
    return { status: 202, body: { status: "success", message: "Event processed", dedup_key: dedupKey } };
  }

  function apply(event: PagerDutyEventBody, dedupKey: string): void {
    const open = incidents.find(
      (incident) => incident.dedupKey === dedupKey && incident.status !== "resolved",
    );
    if (event.event_action === "trigger") {
      if (open) open.triggers++;
      else
        incidents.push({
          id: `Q${randomUUID().slice(0, 13).replaceAll("-", "").toUpperCase()}`,
          number: incidents.length + 1,
          dedupKey,
          status: "triggered",
          summary: event.payload?.summary ?? "",
          severity: event.payload?.severity ?? "",
          triggers: 1,
        });
    } else if (open) {
      // PagerDuty drops acknowledge/resolve events for keys with no open incident.
      open.status = event.event_action === "acknowledge" ? "acknowledged" : "resolved";
    }
  }

  const receiver = await startReceiver(handle);

  async function sendWebhook(options: WebhookOptions): Promise<Response> {
    const incident = [...incidents].reverse().find((candidate) => candidate.dedupKey === options.dedupKey);
    if (!incident) throw new Error(`no PagerDuty incident for ${options.dedupKey}`);
    incident.status = STATUS_AFTER[options.eventType];
    const raw = JSON.stringify(webhookBody(options, incident, receiver.url));
    const signatures = options.secrets.map(
      (secret) => `v1=${createHmac("sha256", secret).update(raw).digest("hex")}`,
    );
    return fetch(options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "PagerDuty-Webhook/V3.0",
        "x-webhook-id": randomUUID(),
        "x-pagerduty-signature": signatures.join(","),
      },
      body: raw,
    });
  }

  return { ...receiver, events, incidents, sendWebhook };
}

/** The v3 webhook body PagerDuty documents, for an incident event. */
function webhookBody(options: WebhookOptions, incident: PagerDutyIncident, base: string) {
  const agent = options.agent
    ? {
        html_url: `${base}/users/${options.agent.id}`,
        id: options.agent.id,
        self: `${base}/api/users/${options.agent.id}`,
        summary: options.agent.name,
        type: "user_reference",
      }
    : null;
  return {
    event: {
      id: randomUUID().replaceAll("-", "").slice(0, 26),
      event_type: options.eventType,
      resource_type: "incident",
      occurred_at: new Date().toISOString(),
      agent,
      client: null,
      data: {
        id: incident.id,
        type: "incident",
        self: `${base}/api/incidents/${incident.id}`,
        html_url: `${base}/incidents/${incident.id}`,
        number: incident.number,
        status: incident.status,
        incident_key: incident.dedupKey,
        title: incident.summary,
        urgency: incident.severity === "critical" || incident.severity === "error" ? "high" : "low",
      },
    },
  };
}
