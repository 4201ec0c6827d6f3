import { mulberry32 } from "../../../scripts/demo/history/seeded-random.js";

/**
 * A small seeded PRNG (mulberry32), so a run with faults can be replayed exactly:
 * the same seed gives the same faults for the same sequence of requests and deliveries.
 */
export interface Prng {
  /** A number in [0, 1). */
  next(): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** An integer in [0, n). */
  below(n: number): number;
  /** One of the entries, chosen with the given non-negative weights. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
}

export function createPrng(seed: number): Prng {
  // The same generator the report's seed data uses; only the helpers differ.
  const { next } = mulberry32(seed);
  return {
    next,
    chance: (p) => p > 0 && next() < p,
    below: (n) => Math.floor(next() * n),
    weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
      const total = entries.reduce((sum, [, weight]) => sum + Math.max(0, weight), 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= Math.max(0, weight);
        if (roll < 0) return value;
      }
      const last = entries.at(-1);
      if (!last) throw new Error("simulator: weighted() needs at least one entry");
      return last[0];
    },
  };
}
