import { failureOf, isRecord, stringField } from "./answer-failure.js";
import {
  OPSGENIE_DESCRIPTION_LIMIT,
  OPSGENIE_MESSAGE_LIMIT,
  type OpsgeniePriority,
  opsgeniePriority,
  truncateText,
} from "./page-text.js";
import {
  type PageRequest,
  type PageResult,
  type PagingAction,
  type PagingService,
  pageHeadline,
} from "./paging-service.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, sendWithRetries } from "./send-with-retries.js";

/**
 * Opsgenie Alert API: create with the incident id as `alias`, then acknowledge and
 * close by that alias. Plain fetch: Opsgenie's own Node SDK is unmaintained, and
 * Atlassian has announced Opsgenie's end of sale, so it stays behind PagingService.
 */
export interface OpsgenieAlertsOptions {
  apiKey: string;
  /** `https://api.opsgenie.com` (EU: `https://api.eu.opsgenie.com`, or a test receiver). */
  baseUrl?: string;
  responders?: readonly OpsgenieResponderConfig[];
  /** Opsgenie usernames (or names) to GitHub logins: a page for a person goes to that user. */
  users?: Readonly<Record<string, string>>;
  /** Service names to Opsgenie teams, for `/page <service>`. */
  services?: Readonly<Record<string, string>>;
  /** Opsgenie's `source` field: what created the alert. */
  source?: string;
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
}

export interface OpsgenieResponderConfig {
  type: "team" | "user" | "escalation" | "schedule";
  name: string;
}

/** Users are named by `username`, the others by `name`, as the API documents. */
type OpsgenieResponder =
  | { type: "user"; username: string }
  | { type: "team" | "escalation" | "schedule"; name: string };

export interface OpsgenieCreateAlert {
  message: string;
  alias: string;
  description: string;
  responders?: OpsgenieResponder[];
  tags: string[];
  details: Record<string, string>;
  entity: string;
  source: string;
  priority: OpsgeniePriority;
}

export function createOpsgenieAlerts(options: OpsgenieAlertsOptions): PagingService {
  const baseUrl = options.baseUrl ?? "https://api.opsgenie.com";
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const doFetch = options.fetch ?? fetch;
  const source = options.source ?? "incident-app";

  async function post(
    action: PagingAction,
    incidentId: string,
    url: URL,
    payload: object,
  ): Promise<PageResult> {
    const body = JSON.stringify(payload);
    const headers = { "content-type": "application/json", authorization: `GenieKey ${options.apiKey}` };
    const attempted = await sendWithRetries(
      (signal) => doFetch(url, { method: "POST", headers, body, signal }),
      policy,
    );
    const base = { provider: "opsgenie" as const, action, incidentId, attempts: attempted.attempts };
    if (attempted.kind === "answer" && attempted.status === 202) {
      return { ...base, ok: true, reference: stringField(attempted.body, "requestId") ?? null };
    }
    return { ...base, ok: false, failure: failureOf(attempted, errorList) };
  }

  function byAlias(incidentId: string, verb: "acknowledge" | "close"): URL {
    const url = new URL(`/v2/alerts/${encodeURIComponent(incidentId)}/${verb}`, baseUrl);
    url.searchParams.set("identifierType", "alias");
    return url;
  }

  return {
    provider: "opsgenie",
    trigger: (page) =>
      post(
        "trigger",
        page.dedupKey ?? page.incidentId,
        new URL("/v2/alerts", baseUrl),
        createAlertBody(page, respondersFor(page, options), source),
      ),
    acknowledge: (incidentId, note) =>
      post("acknowledge", incidentId, byAlias(incidentId, "acknowledge"), {
        source,
        ...(note ? { note } : {}),
      }),
    resolve: (incidentId, note) =>
      post("resolve", incidentId, byAlias(incidentId, "close"), { source, ...(note ? { note } : {}) }),
  };
}

export function createAlertBody(
  page: PageRequest,
  responders: readonly OpsgenieResponderConfig[],
  source: string,
): OpsgenieCreateAlert {
  const description = [
    page.summary,
    `Incident: ${page.incidentUrl}`,
    ...(page.links ?? []).map((l) => `${l.text}: ${l.href}`),
  ]
    .filter((line) => line !== "")
    .join("\n\n");
  return {
    message: truncateText(pageHeadline(page), OPSGENIE_MESSAGE_LIMIT),
    alias: page.dedupKey ?? page.incidentId,
    description: truncateText(description, OPSGENIE_DESCRIPTION_LIMIT),
    ...(responders.length ? { responders: responders.map(toResponder) } : {}),
    tags: ["incident", page.severity],
    details: { ...page.details, incident: page.incidentId, severity: page.severity, issue: page.incidentUrl },
    entity: page.service ?? page.repository,
    source,
    priority: opsgeniePriority(page.severityRank, page.urgency),
  };
}

/** A page for people or a service goes to them when Opsgenie knows them; else to the configured responders. */
function respondersFor(page: PageRequest, options: OpsgenieAlertsOptions): OpsgenieResponderConfig[] {
  const byLogin = new Map(
    Object.entries(options.users ?? {}).map(([name, login]) => [login.replace(/^@/, "").toLowerCase(), name]),
  );
  const chosen = (page.to ?? []).flatMap((one): OpsgenieResponderConfig[] => {
    if (one.startsWith("service:")) {
      const team = options.services?.[one.slice(8)];
      return team ? [{ type: "team", name: team }] : [];
    }
    const user = byLogin.get(one.toLowerCase());
    return user ? [{ type: "user", name: user }] : [];
  });
  return chosen.length ? chosen : [...(options.responders ?? [])];
}

function toResponder(responder: OpsgenieResponderConfig): OpsgenieResponder {
  return responder.type === "user"
    ? { type: "user", username: responder.name }
    : { type: responder.type, name: responder.name };
}

/** Opsgenie's 422 answers carry `errors: { field: problem }`. */
function errorList(body: unknown): string[] {
  if (!isRecord(body) || !isRecord(body.errors)) return [];
  return Object.entries(body.errors).map(([name, problem]) => `${name}: ${String(problem)}`);
}
