import { ErrorCode } from "@slack/web-api";

/**
 * Slack's failures as the war room handles them: a missing scope is a setup problem
 * to name once on the incident; rate limits and outages are retried; everything else
 * (`channel_not_found`, `name_taken`…) is Slack's error code for the caller to judge.
 */

export type SlackFailure =
  | { kind: "missing-scope"; needed: string; provided: string }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "unavailable"; detail: string }
  | { kind: "platform"; code: string };

export class SlackMissingScopeError extends Error {
  override readonly name = "SlackMissingScopeError";
  constructor(
    readonly method: string,
    readonly needed: string,
    readonly provided: string,
  ) {
    super(`Slack refused ${method}: the app lacks the \`${needed}\` scope (it has: ${provided || "none"})`);
  }
}

export class SlackCallError extends Error {
  override readonly name = "SlackCallError";
  constructor(
    readonly method: string,
    readonly code: string,
  ) {
    super(`Slack refused ${method}: ${code}`);
  }
}

/** Slack stayed rate-limited or unreachable through every attempt. */
export class SlackUnavailableError extends Error {
  override readonly name = "SlackUnavailableError";
  constructor(
    readonly method: string,
    readonly attempts: number,
    readonly last: SlackFailure,
  ) {
    super(`Slack did not answer ${method} after ${attempts} attempts (${last.kind})`);
  }
}

export function classifySlackError(error: unknown): SlackFailure {
  const coded = error as {
    code?: unknown;
    data?: Record<string, unknown>;
    retryAfter?: unknown;
    statusCode?: unknown;
  };
  if (coded?.code === ErrorCode.RateLimitedError)
    return { kind: "rate-limited", retryAfterSeconds: Number(coded.retryAfter) || 1 };
  if (coded?.code === ErrorCode.PlatformError) {
    const data = coded.data ?? {};
    const code = String(data.error ?? "unknown_error");
    if (code === "missing_scope")
      return {
        kind: "missing-scope",
        needed: String(data.needed ?? ""),
        provided: String(data.provided ?? ""),
      };
    if (code === "ratelimited") return { kind: "rate-limited", retryAfterSeconds: 1 };
    // Slack's own outage answers; worth another try.
    if (
      code === "internal_error" ||
      code === "fatal_error" ||
      code === "service_unavailable" ||
      code === "request_timeout"
    )
      return { kind: "unavailable", detail: code };
    return { kind: "platform", code };
  }
  if (coded?.code === ErrorCode.HTTPError)
    return { kind: "unavailable", detail: `HTTP ${String(coded.statusCode)}` };
  if (coded?.code === ErrorCode.RequestError) return { kind: "unavailable", detail: "request failed" };
  return { kind: "unavailable", detail: error instanceof Error ? error.message : String(error) };
}

/** The Slack error code of a platform error, for the few codes callers expect (`name_taken`). */
export function platformCode(error: unknown): string | null {
  return error instanceof SlackCallError ? error.code : null;
}
