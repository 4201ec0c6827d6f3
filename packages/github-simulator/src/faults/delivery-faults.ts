import type { Delivery } from "../webhooks/delivery-queue.js";
import { createPrng, type Prng } from "./prng.js";

/**
 * Webhook faults, as GitHub produces them: a delivery sent more than once with the
 * same `X-GitHub-Delivery`, deliveries out of order or late, and deliveries that
 * never arrive (some of which someone redelivers later). Seeded, so a run replays.
 */
export interface DeliveryFaultOptions {
  seed: number;
  /** Every delivery is sent this many times in all (default 1). */
  copies?: number;
  /** Share of deliveries sent one extra time (on top of `copies`). */
  duplicateRate?: number;
  /** Serial mode: the next delivery is picked at random among those waiting. */
  shuffle?: boolean;
  /** Share of sends held back for up to `delayMs` real milliseconds (default 20). */
  delayRate?: number;
  delayMs?: number;
  /** Share of deliveries not sent at all. */
  dropRate?: number;
  /** Share of dropped deliveries redelivered (same id) once the queue goes quiet. */
  redeliverRate?: number;
}

/** What the queue does with a new delivery: nothing (dropped), or send it after each of these delays. */
export type DeliveryPlan = { drop: true } | { drop: false; delaysMs: number[] };

export interface DeliveryFaultStats {
  deliveries: number;
  sends: number;
  duplicates: number;
  reordered: number;
  delayed: number;
  dropped: number;
  redelivered: number;
}

export class DeliveryFaults {
  readonly stats: DeliveryFaultStats = {
    deliveries: 0,
    sends: 0,
    duplicates: 0,
    reordered: 0,
    delayed: 0,
    dropped: 0,
    redelivered: 0,
  };
  private readonly prng: Prng;
  private readonly lost: Delivery[] = [];

  constructor(private readonly options: DeliveryFaultOptions) {
    this.prng = createPrng(options.seed);
  }

  /** Called once per new delivery (not for redeliveries). */
  plan(_delivery: Delivery): DeliveryPlan {
    this.stats.deliveries += 1;
    if (this.prng.chance(this.options.dropRate ?? 0)) {
      this.stats.dropped += 1;
      return { drop: true };
    }
    const copies =
      Math.max(1, this.options.copies ?? 1) + (this.prng.chance(this.options.duplicateRate ?? 0) ? 1 : 0);
    this.stats.sends += copies;
    this.stats.duplicates += copies - 1;
    const delaysMs = Array.from({ length: copies }, () => {
      if (!this.prng.chance(this.options.delayRate ?? 0)) return 0;
      this.stats.delayed += 1;
      return 1 + this.prng.below(this.options.delayMs ?? 20);
    });
    return { drop: false, delaysMs };
  }

  /** Remembers a dropped delivery, which may be redelivered when the queue is quiet. */
  dropped(delivery: Delivery): void {
    if (this.prng.chance(this.options.redeliverRate ?? 0)) this.lost.push(delivery);
  }

  /** Index of the waiting delivery to send next. */
  pickNext(waiting: number): number {
    if (!this.options.shuffle || waiting <= 1) return 0;
    const index = this.prng.below(waiting);
    if (index !== 0) this.stats.reordered += 1;
    return index;
  }

  /** When the queue is quiet: the dropped deliveries someone redelivers now. */
  redeliverNow(): Delivery[] {
    const again = this.lost.splice(0);
    this.stats.redelivered += again.length;
    this.stats.sends += again.length;
    return again;
  }
}
