import type { RequestLogEntry } from "@incident-app/github-simulator";

/** What the benchmark counts and times. */

/** An API write of the app: any REST method but GET/HEAD, or a GraphQL mutation (tokens are not API writes). */
export function isWrite(entry: RequestLogEntry): boolean {
  if (entry.auth !== "installation") return false;
  if (entry.method === "GET" || entry.method === "HEAD") return false;
  if (!/\/graphql$/.test(entry.path)) return true;
  const query = (entry.body as { query?: unknown } | null)?.query;
  return typeof query === "string" && /^\s*mutation\b/.test(query);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[index] ?? 0);
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
