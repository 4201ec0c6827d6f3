import type { PagingFailure } from "./paging-service.js";
import type { Attempted } from "./send-with-retries.js";

/**
 * Reading a paging service's answer: both PagerDuty and Opsgenie put a `message` in
 * their JSON answers; their `errors` differ (a list for PagerDuty, an object of
 * field → problem for Opsgenie), so each client says how to read them.
 */
export function failureOf(attempted: Attempted, errorsOf: (body: unknown) => string[]): PagingFailure {
  if (attempted.kind === "no-answer") return { kind: "gave-up", status: null, message: attempted.message };
  const { status, body } = attempted;
  const message = stringField(body, "message") ?? `HTTP ${status}`;
  if (status === 429) return { kind: "gave-up", status, message: "throttled (HTTP 429)" };
  if (status >= 500) return { kind: "gave-up", status, message: `HTTP ${status}: ${message}` };
  if (status === 401 || status === 403) return { kind: "unauthorized", status, message };
  return { kind: "rejected", status, message, errors: errorsOf(body) };
}

export function stringField(body: unknown, name: string): string | undefined {
  return isRecord(body) && typeof body[name] === "string" ? body[name] : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
