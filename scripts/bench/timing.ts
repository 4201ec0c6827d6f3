import type { Simulator } from "../../test/simulator/index.js";

/**
 * High-resolution clocks on the simulator side: when each webhook delivery was sent
 * (the simulator's `fetch` to the app, keyed by `X-GitHub-Delivery`) and when each
 * request arrived (the request log's `at` is simulated time, to the second).
 */
export interface Stopwatch {
  /** ms from delivery start to the arrival of the last request made for it; null if it made none. */
  handlerMs(deliveryId: string): number | null;
  stop(): void;
}

export function startStopwatch(sim: Simulator): Stopwatch {
  const sentAt = new Map<string, number>();
  const arrivedAt = new Map<string, number>();
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const id = new Headers(init?.headers).get("x-github-delivery");
    if (id && !sentAt.has(id)) sentAt.set(id, performance.now());
    return realFetch(input, init);
  };
  const log = sim.log;
  const realPush = log.push;
  log.push = (...entries) => {
    for (const entry of entries) if (entry.delivery) arrivedAt.set(entry.delivery, performance.now());
    return realPush.apply(log, entries);
  };
  return {
    handlerMs(id) {
      const start = sentAt.get(id);
      const end = arrivedAt.get(id);
      return start === undefined || end === undefined ? null : end - start;
    },
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
