/**
 * A lookup by key over one of the store's lists, which are only appended to or
 * replaced whole (a deletion filters into a new array): the index follows the list's
 * identity and length, so a lookup stays O(1) however many repositories, comments or
 * installations a scale test makes, and never answers from a list that is gone.
 */
export class AppendIndex<T, K> {
  private list: readonly T[] | null = null;
  private readonly byKey = new Map<K, T>();
  private seen = 0;

  constructor(private readonly keyOf: (item: T) => K) {}

  get(list: readonly T[], key: K): T | null {
    if (list !== this.list || list.length < this.seen) {
      this.list = list;
      this.byKey.clear();
      this.seen = 0;
    }
    for (; this.seen < list.length; this.seen++) {
      const item = list[this.seen] as T;
      const itemKey = this.keyOf(item);
      // The first of equal keys wins, as `Array.find` would answer.
      if (!this.byKey.has(itemKey)) this.byKey.set(itemKey, item);
    }
    return this.byKey.get(key) ?? null;
  }
}
