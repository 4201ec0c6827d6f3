import type { z } from "zod";
import type { Alert, AlertSource } from "./alert.js";
import { alertmanagerPayloadSchema, normaliseAlertmanagerPayload } from "./alertmanager-payload.js";
import { genericPayloadSchema, normaliseGenericPayload } from "./generic-payload.js";
import { grafanaPayloadSchema, normaliseGrafanaPayload } from "./grafana-payload.js";
import { type PayloadProblem, problemsFromZod } from "./payload-problem.js";

/** A parsed payload: its alerts, or every problem found (for one 400 that lists them all). */
export type AlertPayloadResult =
  | {
      ok: true;
      source: AlertSource;
      alerts: Alert[];
      /** Alerts the sender left out of this notification (`max_alerts`); worth saying. */
      truncatedAlerts: number;
    }
  | { ok: false; source: AlertSource; problems: PayloadProblem[] };

/** `body` is the JSON already parsed from the request; the server answers 400 on bad JSON. */
export function parseAlertPayload(source: AlertSource, body: unknown): AlertPayloadResult {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, source, problems: [{ path: "", message: "expected a JSON object" }] };
  }
  switch (source) {
    case "alertmanager":
      return finish(source, alertmanagerPayloadSchema.safeParse(body), (payload) => ({
        alerts: normaliseAlertmanagerPayload(payload),
        truncatedAlerts: payload.truncatedAlerts,
      }));
    case "grafana":
      return finish(source, grafanaPayloadSchema.safeParse(body), (payload) => ({
        alerts: normaliseGrafanaPayload(payload),
        truncatedAlerts: payload.truncatedAlerts,
      }));
    case "generic":
      return finish(source, genericPayloadSchema.safeParse(body), (payload) => ({
        alerts: normaliseGenericPayload(payload),
        truncatedAlerts: 0,
      }));
  }
}

function finish<T>(
  source: AlertSource,
  parsed: z.ZodSafeParseResult<T>,
  normalise: (payload: T) => { alerts: Alert[]; truncatedAlerts: number },
): AlertPayloadResult {
  if (!parsed.success) return { ok: false, source, problems: problemsFromZod(parsed.error) };
  return { ok: true, source, ...normalise(parsed.data) };
}
