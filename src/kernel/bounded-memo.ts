/**
 * A remembered answer of a pure function per key, at most `limit` of them: the
 * oldest key is forgotten first, so a long-running server's memory stays flat
 * however many distinct inputs it sees. With `maxKeyChars`, keys (comment bodies,
 * say) are also forgotten oldest first once their lengths add up to more than that.
 */
export interface BoundedMemo<V> {
  get(key: string, compute: () => V): V;
  clear(): void;
  readonly size: number;
}

export function boundedMemo<V>(limit: number, options: { maxKeyChars?: number } = {}): BoundedMemo<V> {
  const entries = new Map<string, V>();
  const maxKeyChars = options.maxKeyChars ?? Number.POSITIVE_INFINITY;
  let keyChars = 0;
  const forgetOldest = () => {
    const oldest = entries.keys().next();
    if (oldest.done) return;
    entries.delete(oldest.value);
    keyChars -= oldest.value.length;
  };
  return {
    get(key, compute) {
      const found = entries.get(key);
      if (found !== undefined || entries.has(key)) return found as V;
      const value = compute();
      // A key longer than the whole budget is answered, not remembered.
      if (key.length > maxKeyChars) return value;
      while (entries.size > 0 && (entries.size >= limit || keyChars + key.length > maxKeyChars))
        forgetOldest();
      entries.set(key, value);
      keyChars += key.length;
      return value;
    },
    clear: () => {
      entries.clear();
      keyChars = 0;
    },
    get size() {
      return entries.size;
    },
  };
}
