import { failureOf, isRecord, stringField } from "./answer-failure.js";
import {
  PAGERDUTY_SUMMARY_LIMIT,
  type PagerDutySeverity,
  pagerDutySeverity,
  truncateText,
} from "./page-text.js";
import {
  type PageRequest,
  type PageResult,
  type PagingAction,
  type PagingService,
  pageHeadline,
} from "./paging-service.js";
import {
  type Attempted,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  sendWithRetries,
} from "./send-with-retries.js";

/**
 * PagerDuty Events API v2 (`POST /v2/enqueue`), with the incident id as `dedup_key`.
 *
 * Plain fetch, not `@pagerduty/pdjs`'s `event()`: pdjs 2.2 builds the URL as
 * `https://${server}/v2/enqueue`, so it cannot reach a local http receiver in tests;
 * its own retry waits a fixed 20 s on 429 (ignoring Retry-After) and never retries
 * 5xx; its timeout does not abort; and it types the answer as `any`.
 */
export interface PagerDutyEventsOptions {
  routingKey: string;
  /** `https://events.pagerduty.com` (or the EU address, or a test receiver). */
  baseUrl?: string;
  /** Shown as the event's `source` when a page has no repository. */
  source?: string;
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  /** `/page <service>`: routing keys of other PagerDuty services by name (undefined: its variable is unset). */
  serviceKeys?: Readonly<Record<string, string | undefined>>;
}

/** `INC-…:page-123-service-checkout`: a page `/page checkout` sent to that service's routing key. */
const SERVICE_PAGE = /:page-\d+-service-(.+)$/;

/** The documented request body; `payload` only on triggers. */
export interface PagerDutyEvent {
  routing_key: string;
  event_action: PagingAction;
  dedup_key: string;
  payload?: {
    summary: string;
    source: string;
    severity: PagerDutySeverity;
    timestamp?: string;
    component?: string;
    group?: string;
    class?: string;
    custom_details?: Record<string, string>;
  };
  links?: { href: string; text?: string }[];
}

export function createPagerDutyEvents(options: PagerDutyEventsOptions): PagingService {
  const url = new URL("/v2/enqueue", options.baseUrl ?? "https://events.pagerduty.com");
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const doFetch = options.fetch ?? fetch;

  async function send(event: PagerDutyEvent): Promise<PageResult> {
    const body = JSON.stringify(event);
    const attempted = await sendWithRetries(
      (signal) =>
        doFetch(url, { method: "POST", headers: { "content-type": "application/json" }, body, signal }),
      policy,
    );
    return toResult(event, attempted);
  }

  function routingKey(dedupKey: string): string | null {
    const service = SERVICE_PAGE.exec(dedupKey)?.[1];
    if (service === undefined) return options.routingKey;
    return options.serviceKeys?.[service] ?? null;
  }

  async function sendTo(event: Omit<PagerDutyEvent, "routing_key">): Promise<PageResult> {
    const key = routingKey(event.dedup_key);
    if (key === null) {
      const message = "the routing key of this service is not set (paging.pagerduty.services)";
      const failure = { kind: "rejected" as const, status: 0, message, errors: [] };
      return {
        provider: "pagerduty",
        action: event.event_action,
        incidentId: event.dedup_key,
        attempts: 0,
        ok: false,
        failure,
      };
    }
    return send({ routing_key: key, ...event });
  }

  return {
    provider: "pagerduty",
    trigger: (page) => {
      const { routing_key: _, ...event } = triggerEvent("", page, options.source ?? "incident-app");
      return sendTo(event);
    },
    acknowledge: (dedupKey) => sendTo({ event_action: "acknowledge", dedup_key: dedupKey }),
    resolve: (dedupKey) => sendTo({ event_action: "resolve", dedup_key: dedupKey }),
  };
}

export function triggerEvent(routingKey: string, page: PageRequest, source: string): PagerDutyEvent {
  const links = [{ href: page.incidentUrl, text: `${page.incidentId} on GitHub` }, ...(page.links ?? [])];
  return {
    routing_key: routingKey,
    event_action: "trigger",
    dedup_key: page.dedupKey ?? page.incidentId,
    payload: {
      summary: truncateText(pageHeadline(page), PAGERDUTY_SUMMARY_LIMIT),
      source: page.repository || source,
      severity: pagerDutySeverity(page.severityRank, page.urgency),
      ...(page.startedAt ? { timestamp: page.startedAt } : {}),
      ...(page.service ? { component: page.service } : {}),
      group: page.repository,
      class: page.severity,
      custom_details: {
        ...page.details,
        incident: page.incidentId,
        severity: page.severity,
        issue: page.incidentUrl,
        ...(page.summary ? { summary: page.summary } : {}),
        ...(page.to?.length ? { for: page.to.join(", ") } : {}),
      },
    },
    links,
  };
}

function toResult(event: PagerDutyEvent, attempted: Attempted): PageResult {
  const base = {
    provider: "pagerduty" as const,
    action: event.event_action,
    incidentId: event.dedup_key,
    attempts: attempted.attempts,
  };
  if (attempted.kind === "answer" && attempted.status === 202) {
    const dedupKey = stringField(attempted.body, "dedup_key");
    return { ...base, ok: true, reference: dedupKey ?? event.dedup_key };
  }
  return { ...base, ok: false, failure: failureOf(attempted, errorList) };
}

function errorList(body: unknown): string[] {
  return isRecord(body) && Array.isArray(body.errors) ? body.errors.map(String) : [];
}
