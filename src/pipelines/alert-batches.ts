import type { IssueLock } from "./issue-lock.js";

/**
 * Notifications of one fingerprint that arrive while another of them is being handled
 * wait together and are handled as one (a storm of 1,000 firings costs a few rounds,
 * not 1,000), one round at a time per fingerprint, across replicas when the lock is
 * shared. Each caller gets the result of the round that handled its notification.
 */
export class AlertBatches<T, R> {
  private readonly waiting = new Map<string, { items: T[]; result: Promise<R> }>();

  constructor(private readonly lock: IssueLock) {}

  submit(key: string, item: T, handle: (items: T[]) => Promise<R>): Promise<R> {
    const open = this.waiting.get(key);
    if (open) {
      open.items.push(item);
      return open.result;
    }
    const batch: { items: T[]; result: Promise<R> } = { items: [item], result: Promise.resolve(null as R) };
    batch.result = this.lock.run(`alert:${key}`, () => {
      // From here on, later notifications form the next round.
      if (this.waiting.get(key) === batch) this.waiting.delete(key);
      return handle(batch.items);
    });
    this.waiting.set(key, batch);
    return batch.result;
  }

  /** Work that must not run alongside other work of the same key (across replicas too). */
  exclusive<V>(key: string, work: () => Promise<V>): Promise<V> {
    return this.lock.run(key, work);
  }
}
