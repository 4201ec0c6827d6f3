/**
 * mulberry32: a small seeded generator. The same seed gives the same sequence on every
 * machine, so a run with faults (or generated demo data) can be replayed exactly. Not
 * for secrets. Returns numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The simulator's faults draw from a seeded generator, so the same seed gives the same
 * faults for the same sequence of requests and deliveries.
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
  const next = mulberry32(seed);
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
