import { mulberry32 } from "../faults/prng.js";

/**
 * How long GitHub takes to answer, so round trips can be measured on a laptop: a fixed
 * part per request, a part that grows with the size of a GraphQL answer (GitHub takes
 * longer to build a large one and to send it), and seeded jitter. Off unless set with
 * `sim.setLatency(…)`; the benchmark turns it on with `BENCH_LATENCY`.
 */
export interface LatencyModel {
  /** Every request, in real milliseconds. */
  perRequestMs: number;
  /** Added per KiB of a GraphQL answer beyond `freeKb`. */
  perGraphqlKbMs: number;
  /** GraphQL answers up to this size cost only `perRequestMs`. */
  freeKb: number;
  /** Uniform jitter in [-jitterMs, +jitterMs], drawn from `seed`. */
  jitterMs: number;
  seed: number;
  /** Which requests wait (default: the app's, made with an installation token; not token requests, not people's). */
  eligible?: (request: { method: string; path: string; auth: string }) => boolean;
}

/** The benchmark's model: 150 ms a request, 1 ms per KiB of GraphQL answer beyond 32 KiB, ±15 ms. */
export const BENCH_LATENCY: LatencyModel = {
  perRequestMs: 150,
  perGraphqlKbMs: 1,
  freeKb: 32,
  jitterMs: 15,
  seed: 2026,
};

export class Latency {
  private readonly random: () => number;

  constructor(readonly model: LatencyModel) {
    this.random = mulberry32(model.seed);
  }

  /** Milliseconds to wait before answering this request; `bytes` is the answer's size. */
  delayFor(request: { method: string; path: string; auth: string; graphql: boolean }, bytes: number): number {
    const eligible = this.model.eligible ?? ((r) => r.auth === "installation");
    if (!eligible(request)) return 0;
    const jitter = (this.random() * 2 - 1) * this.model.jitterMs;
    const kb = request.graphql ? Math.max(0, bytes / 1024 - this.model.freeKb) : 0;
    return Math.max(0, this.model.perRequestMs + kb * this.model.perGraphqlKbMs + jitter);
  }
}
