import type { RequestLogEntry, Simulator } from "@incident-app/github-simulator";

/**
 * High-resolution clocks on the simulator side: when each webhook delivery was sent
 * (the simulator's `fetch` to the app, keyed by `X-GitHub-Delivery`) and when each
 * request arrived (the request log's `at` is simulated time, to the second).
 */
export interface Stopwatch {
  /** ms from delivery start to the arrival of the last API write made for it; null if it wrote nothing. */
  handlerMs(deliveryId: string): number | null;
  /** The same to the last request of any kind (the verify read after the last write included). */
  lastRequestMs(deliveryId: string): number | null;
  stop(): void;
}

/** An API write of the app: any REST method but GET/HEAD, or a GraphQL mutation (tokens are not API writes). */
export function isWrite(entry: RequestLogEntry): boolean {
  if (entry.auth !== "installation") return false;
  if (entry.method === "GET" || entry.method === "HEAD") return false;
  if (!/\/graphql$/.test(entry.path)) return true;
  const query = (entry.body as { query?: unknown } | null)?.query;
  return typeof query === "string" && /^\s*mutation\b/.test(query);
}

export function startStopwatch(sim: Simulator): Stopwatch {
  const sentAt = new Map<string, number>();
  const arrivals = new Map<string, Array<{ entry: RequestLogEntry; at: number }>>();
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const id = new Headers(init?.headers).get("x-github-delivery");
    if (id && !sentAt.has(id)) sentAt.set(id, performance.now());
    return realFetch(input, init);
  };
  const log = sim.log;
  const realPush = log.push;
  log.push = (...entries) => {
    const at = performance.now();
    for (const entry of entries) {
      if (!entry.delivery) continue;
      const list = arrivals.get(entry.delivery) ?? [];
      list.push({ entry, at });
      arrivals.set(entry.delivery, list);
    }
    return realPush.apply(log, entries);
  };
  const since = (id: string, keep: (entry: RequestLogEntry) => boolean) => {
    const start = sentAt.get(id);
    const end = arrivals
      .get(id)
      ?.filter(({ entry }) => keep(entry))
      .at(-1)?.at;
    return start === undefined || end === undefined ? null : end - start;
  };
  return {
    handlerMs: (id) => since(id, isWrite),
    lastRequestMs: (id) => since(id, () => true),
    stop() {
      globalThis.fetch = realFetch;
      log.push = realPush;
    },
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[index] ?? 0);
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
