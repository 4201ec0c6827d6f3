/**
 * What a failed request means for the handler: worth a fresh run (GitHub was busy,
 * limited us, or another replica changed the issue meanwhile), or final (our request
 * is wrong, or we may not do it), and how long GitHub asked us to wait.
 */
export interface RequestFailure {
  retry: boolean;
  /** From `retry-after` or the rate-limit reset, in ms; null when GitHub did not say. */
  retryAfterMs: number | null;
  reason: string;
}

interface ErrorShape {
  name?: string;
  message?: string;
  status?: number;
  response?: { headers?: Record<string, string | undefined> };
  errors?: Array<{ type?: string; message?: string }>;
}

const RATE_LIMITED = /rate limit/i;
/** GraphQL errors that mean "read again": a node another handler removed, GitHub's own hiccup. */
const STALE_OR_FLAKY = new Set(["NOT_FOUND", "SERVICE_UNAVAILABLE", "RATE_LIMITED"]);

export function classifyFailure(error: unknown, now = Date.now()): RequestFailure {
  const e = (typeof error === "object" && error !== null ? error : {}) as ErrorShape;
  const retryAfterMs = retryAfter(e.response?.headers, now);
  if (e.name === "GraphqlResponseError") {
    const types = (e.errors ?? []).map((item) => item.type ?? item.message ?? "unknown");
    const flaky =
      types.length > 0 && types.every((type) => STALE_OR_FLAKY.has(type) || /went wrong/i.test(type));
    return { retry: flaky, retryAfterMs, reason: `GraphQL ${types.join(", ")}` };
  }
  const status = typeof e.status === "number" ? e.status : null;
  if (status === null) {
    const limited = RATE_LIMITED.test(e.message ?? "");
    return { retry: limited, retryAfterMs, reason: e.message ?? String(error) };
  }
  const limited = (status === 403 || status === 429) && RATE_LIMITED.test(e.message ?? "");
  // 409: the branch or file moved since this run read it; the next run reads it again.
  const retry = status >= 500 || status === 0 || status === 409 || status === 429 || limited;
  return { retry, retryAfterMs, reason: `HTTP ${status}${limited ? " rate limited" : ""}` };
}

function retryAfter(headers: Record<string, string | undefined> | undefined, now: number): number | null {
  if (!headers) return null;
  const seconds = Number(headers["retry-after"]);
  if (Number.isFinite(seconds) && seconds >= 0 && headers["retry-after"] !== undefined) return seconds * 1000;
  if (headers["x-ratelimit-remaining"] === "0" && headers["x-ratelimit-reset"]) {
    return Math.max(0, Number(headers["x-ratelimit-reset"]) * 1000 - now + 1000);
  }
  return null;
}
