/**
 * A remembered answer of a pure function per key, at most `limit` of them: the
 * oldest key is forgotten first, so a long-running server's memory stays flat
 * however many distinct inputs it sees.
 */
export interface BoundedMemo<V> {
  get(key: string, compute: () => V): V;
  clear(): void;
  readonly size: number;
}

export function boundedMemo<V>(limit: number): BoundedMemo<V> {
  const entries = new Map<string, V>();
  return {
    get(key, compute) {
      if (entries.has(key)) return entries.get(key) as V;
      const value = compute();
      if (entries.size >= limit) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, value);
      return value;
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
