import { z } from "zod";
import type { Alert } from "./alert.js";
import { alertStatus, isoTime, must, optionalEndTime, stringMap } from "./payload-fields.js";

/**
 * The app's own documented alert format, for anything that is neither Alertmanager
 * nor Grafana (Vercel, Axiom, health checks). Strict: we define it, so an unknown
 * field is a typo worth a 400, not something to drop.
 */
const link = z.strictObject({
  href: z.string(must("expected a URL")).regex(/^https?:\/\/\S+$/i, "expected an http(s) URL"),
  text: z.string(must("expected a string")).optional(),
});

export const genericPayloadSchema = z.strictObject({
  title: z.string(must("expected a string")).trim().min(1, "must not be empty"),
  service: z.string(must("expected a string")).trim().min(1, "must not be empty"),
  severity: z.string(must("expected a string")).trim().min(1, "must not be empty").optional(),
  fingerprint: z.string(must("expected a string")).trim().min(1, "must not be empty").max(256),
  status: alertStatus,
  startedAt: isoTime,
  endedAt: optionalEndTime,
  summary: z.string(must("expected a string")).default(""),
  links: z.array(link, must("expected a list of { href, text }")).default([]),
  labels: stringMap.default({}),
});

export type GenericPayload = z.output<typeof genericPayloadSchema>;

/** `service` and `severity` become labels so routing treats every source alike. */
export function normaliseGenericPayload(payload: GenericPayload): Alert[] {
  const labels: Record<string, string> = { ...payload.labels, service: payload.service };
  if (payload.severity !== undefined) labels.severity = payload.severity;
  return [
    {
      source: "generic",
      fingerprint: payload.fingerprint,
      status: payload.status,
      labels,
      title: payload.title,
      summary: payload.summary.trim(),
      startsAt: payload.startedAt,
      endsAt: payload.endedAt,
      links: payload.links.map((item) => ({ href: item.href, text: item.text ?? item.href })),
      generatorURL: null,
    },
  ];
}
