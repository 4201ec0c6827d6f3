import { randomUUID } from "node:crypto";
import { type Answer, isJson, type ReceivedRequest, type Receiver, startReceiver } from "./http-receiver.js";
import {
  alertActionSchema,
  type CreateAlertBody,
  createAlertSchema,
  opsgenieErrors,
} from "./opsgenie-alert-shape.js";

/**
 * A local Opsgenie Alert API: create (`POST /v2/alerts`), acknowledge and close by
 * identifier, `Authorization: GenieKey <key>` required. Requests are processed
 * asynchronously by Opsgenie, so accepted ones answer 202 `{ result, took, requestId }`.
 */
export interface OpsgenieAlert {
  id: string;
  alias: string;
  message: string;
  priority: string;
  status: "open" | "closed";
  acknowledged: boolean;
  /** Creates with the alias of an open alert are de-duplicated into it. */
  count: number;
  body: CreateAlertBody;
}

export interface OpsgenieReceiver extends Receiver {
  alerts: OpsgenieAlert[];
  /** The Webhook integration's post, as if a person acknowledged or closed the alert in Opsgenie. */
  sendWebhook(options: OpsgenieWebhookOptions): Promise<Response>;
}

export interface OpsgenieWebhookOptions {
  url: string;
  /** The custom headers configured in the Webhook integration. */
  headers: Record<string, string>;
  action: "Acknowledge" | "Close" | "UnAcknowledge" | "AddNote";
  alias: string;
  /** Who did it in Opsgenie (their username); the source is then `web`. */
  username: string;
}

const ACTION_PATH = /^\/v2\/alerts\/([^/]+)\/(acknowledge|close)$/;

export async function startOpsgenieReceiver(apiKey: string): Promise<OpsgenieReceiver> {
  const alerts: OpsgenieAlert[] = [];
  const answer = (status: number, body: Record<string, unknown>): Answer => ({
    status,
    body: { ...body, took: 0.01, requestId: randomUUID() },
  });
  const unprocessable = (errors: Record<string, string>) =>
    answer(422, { message: "Request body is not processable. Please check the errors.", errors });

  function handle(request: ReceivedRequest): Answer {
    const action = ACTION_PATH.exec(request.path);
    if (request.method !== "POST" || (request.path !== "/v2/alerts" && !action)) {
      return answer(404, { message: "Could not find the requested resource" });
    }
    if (request.headers.authorization !== `GenieKey ${apiKey}`)
      return answer(401, { message: "Could not authenticate" });
    if (!isJson(request.headers)) return unprocessable({ "Content-Type": "must be application/json" });
    if (request.jsonError !== null) return unprocessable({ body: "is not valid JSON" });
    return action
      ? act(request, decodeURIComponent(action[1]!), action[2] as "acknowledge" | "close")
      : create(request);
  }

  function create(request: ReceivedRequest): Answer {
    const parsed = createAlertSchema.safeParse(request.body);
    if (!parsed.success) return unprocessable(opsgenieErrors(parsed.error));
    const body = parsed.data;
    const alias = body.alias ?? randomUUID();
    const open = alerts.find((alert) => alert.alias === alias && alert.status === "open");
    if (open) open.count++;
    else
      alerts.push({
        id: randomUUID(),
        alias,
        message: body.message,
        priority: body.priority ?? "P3",
        status: "open",
        acknowledged: false,
        count: 1,
        body,
      });
    return answer(202, { result: "Request will be processed" });
  }

  function act(request: ReceivedRequest, identifier: string, verb: "acknowledge" | "close"): Answer {
    const type = request.query.get("identifierType") ?? "id";
    if (!["id", "alias", "tiny"].includes(type))
      return unprocessable({ identifierType: "must be one of id, alias, tiny" });
    const parsed = alertActionSchema.safeParse(request.body ?? {});
    if (!parsed.success) return unprocessable(opsgenieErrors(parsed.error));
    const alert = [...alerts]
      .reverse()
      .find((candidate) => (type === "alias" ? candidate.alias === identifier : candidate.id === identifier));
    // Opsgenie takes the request and fails it later when the alert does not exist.
    if (alert && verb === "acknowledge") alert.acknowledged = true;
    if (alert && verb === "close") alert.status = "closed";
    return answer(202, { result: "Request will be processed" });
  }

  const receiver = await startReceiver(handle);

  async function sendWebhook(options: OpsgenieWebhookOptions): Promise<Response> {
    const alert = [...alerts].reverse().find((candidate) => candidate.alias === options.alias);
    if (!alert) throw new Error(`no Opsgenie alert with alias ${options.alias}`);
    if (options.action === "Acknowledge") alert.acknowledged = true;
    if (options.action === "UnAcknowledge") alert.acknowledged = false;
    if (options.action === "Close") alert.status = "closed";
    return fetch(options.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...options.headers },
      body: JSON.stringify(webhookBody(options, alert)),
    });
  }

  return { ...receiver, alerts, sendWebhook };
}

/** The alert action data Opsgenie's Webhook integration documents (an action made on the web). */
function webhookBody(options: OpsgenieWebhookOptions, alert: OpsgenieAlert) {
  return {
    source: { name: "", type: "web" },
    alert: {
      updatedAt: Date.now() * 1_000_000 + Math.floor(Math.random() * 1_000_000),
      tags: alert.body.tags ?? [],
      message: alert.message,
      username: options.username,
      alertId: alert.id,
      source: "incident-app",
      alias: alert.alias,
      tinyId: String(tinyId(alert)),
      createdAt: Date.now(),
      userId: randomUUID(),
      entity: alert.body.entity ?? "",
    },
    action: options.action,
    integrationId: randomUUID(),
    integrationName: "Incident app webhook",
  };
}

function tinyId(alert: OpsgenieAlert): number {
  return Number.parseInt(alert.id.slice(0, 4), 16) % 1000;
}
