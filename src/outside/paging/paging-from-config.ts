import type { PagingConfig } from "../../config/paging-schema.js";
import { createOpsgenieAlerts } from "./opsgenie-alerts.js";
import { createPagerDutyEvents } from "./pagerduty-events.js";
import type { PagingService } from "./paging-service.js";

/**
 * The paging service incident.yml names, with its key from the environment (read
 * when sending, so a rotated key needs no restart). Null with a reason when paging
 * is off or its key is missing: that is said on the incident, never silently skipped.
 */
export interface PagingDeps {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  env: Readonly<Record<string, string | undefined>>;
}

export type PagingSetup = { ok: true; service: PagingService } | { ok: false; reason: string };

export function pagingFromConfig(config: PagingConfig, deps: PagingDeps): PagingSetup | null {
  const retry = { attempts: config.attempts, maxDelayMs: config.maxDelay, sleep: deps.sleep };
  if (config.service === "pagerduty" && config.pagerduty) {
    const key = deps.env[config.pagerduty.routingKeyFrom];
    if (!key) return { ok: false, reason: missing("PagerDuty", config.pagerduty.routingKeyFrom) };
    return {
      ok: true,
      service: createPagerDutyEvents({
        routingKey: key,
        serviceKeys: Object.fromEntries(
          Object.entries(config.pagerduty.services).map(([name, variable]) => [name, deps.env[variable]]),
        ),
        baseUrl: config.pagerduty.baseUrl,
        retry,
        fetch: deps.fetch,
      }),
    };
  }
  if (config.service === "opsgenie" && config.opsgenie) {
    const key = deps.env[config.opsgenie.apiKeyFrom];
    if (!key) return { ok: false, reason: missing("Opsgenie", config.opsgenie.apiKeyFrom) };
    return {
      ok: true,
      service: createOpsgenieAlerts({
        apiKey: key,
        baseUrl: config.opsgenie.baseUrl,
        responders: config.opsgenie.responders,
        users: config.opsgenie.users,
        services: config.opsgenie.services,
        retry,
        fetch: deps.fetch,
      }),
    };
  }
  return null;
}

function missing(name: string, variable: string): string {
  return `${name} was not paged: the environment variable ${variable} (paging key) is not set.`;
}
