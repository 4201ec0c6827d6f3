import { z } from "zod";

/**
 * Field types shared by the alert payload schemas, with messages that say what to
 * send instead.
 */

/** A type error that says what to send, or "required" when the field is missing. */
export function must(message: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? "required" : message) };
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_MESSAGE = "expected an ISO 8601 time such as 2026-02-03T14:23:00Z";

/** Go's zero time: Alertmanager's `endsAt` (and Grafana's) for an alert with no end yet. */
const GO_ZERO_TIME = /^0001-01-01T00:00:00/;

/** Accepts nanosecond fractions (Alertmanager sends them) and offsets; yields UTC ISO with ms. */
export const isoTime = z
  .string(must(ISO_MESSAGE))
  .refine((text) => ISO_TIME.test(text) && !Number.isNaN(Date.parse(normaliseFraction(text))), {
    message: ISO_MESSAGE,
  })
  .transform((text) => new Date(Date.parse(normaliseFraction(text))).toISOString());

/** An end time that may be Go's zero time or absent: both mean "not ended". */
export const optionalEndTime = z
  .string(must(ISO_MESSAGE))
  .optional()
  .transform((text, ctx) => {
    if (text === undefined || text === "" || GO_ZERO_TIME.test(text)) return null;
    const parsed = isoTime.safeParse(text);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: "custom", message: ISO_MESSAGE });
    return z.NEVER;
  });

/** Date.parse handles at most milliseconds reliably; cut longer fractions. */
function normaliseFraction(text: string): string {
  return text.replace(/(\.\d{3})\d+/, "$1");
}

export const alertStatus = z.enum(["firing", "resolved"], must("expected `firing` or `resolved`"));

export const stringMap = z.record(
  z.string(),
  z.string(must("expected a string value")),
  must("expected an object of string values"),
);

/** An absolute http(s) URL, or empty (Alertmanager sends "" when it has none). */
export const optionalUrl = z
  .string(must("expected a URL"))
  .optional()
  .refine((text) => text === undefined || text === "" || /^https?:\/\/\S+$/i.test(text), {
    message: "expected an http(s) URL",
  })
  .transform((text) => (text === undefined || text === "" ? null : text));
