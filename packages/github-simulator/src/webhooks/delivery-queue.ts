import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";
import { isoSeconds, type SimClock } from "../clock.js";
import type { DeliveryFaults } from "../faults/delivery-faults.js";

export interface Delivery {
  /** `X-GitHub-Delivery`; a redelivery repeats it. */
  id: string;
  event: string;
  action: string | null;
  payload: Record<string, unknown>;
  /** The app's HTTP status; 0 when it could not be reached; null while queued, held or without target. */
  status: number | null;
  /** Simulated time the change happened. */
  at: string;
  redelivery: boolean;
  held: boolean;
  error: string | null;
  durationMs: number | null;
  /** An injected fault: `dropped` (not sent), `duplicate` (an extra send), `delayed`. */
  fault: "dropped" | "duplicate" | "delayed" | null;
}

export type DeliveryMode = "serial" | "concurrent";

const TIMEOUT_MS = 10_000;

/**
 * Webhook deliveries to the app. Serial (default): one at a time in order, each
 * awaiting the app's answer. Concurrent: each sent as soon as it is queued. A failed
 * delivery is recorded and the queue moves on; nothing is retried automatically.
 */
export class DeliveryQueue {
  readonly deliveries: Delivery[] = [];
  mode: DeliveryMode = "serial";
  target: string | null = null;
  /** Injected webhook faults; null delivers each change once, in order. */
  faults: DeliveryFaults | null = null;
  private delayedSends = 0;
  private readonly bodies = new WeakMap<Delivery, string>();
  private readonly waiting: Delivery[] = [];
  private readonly inFlight = new Set<Delivery>();
  private held: Delivery[] = [];
  private holdFilter: ((d: Delivery) => boolean) | null = null;
  private pumping = false;
  private idleWaiters: (() => void)[] = [];
  private readonly completion = new WeakMap<Delivery, Promise<void>>();
  private readonly serialRuns = new WeakMap<Delivery, () => Promise<void>>();

  constructor(private readonly opts: { secret: string; hookId: number; appId: number; clock: SimClock }) {}

  enqueue(event: string, action: string | null, payload: Record<string, unknown>): Delivery {
    const body = JSON.stringify(payload);
    const delivery: Delivery = {
      id: randomUUID(),
      event,
      action,
      payload: JSON.parse(body) as Record<string, unknown>,
      status: null,
      at: isoSeconds(this.opts.clock.now()),
      redelivery: false,
      held: false,
      error: null,
      durationMs: null,
      fault: null,
    };
    this.bodies.set(delivery, body);
    this.deliveries.push(delivery);
    if (this.holdFilter?.(delivery)) {
      delivery.held = true;
      this.held.push(delivery);
    } else {
      this.dispatch(delivery);
    }
    return delivery;
  }

  hold(filter: ((d: Delivery) => boolean) | null): void {
    this.holdFilter = filter;
  }

  /** Stops holding and sends what was held, in order; resolves once everything settled. */
  async releaseHeld(): Promise<void> {
    this.holdFilter = null;
    const held = this.held;
    this.held = [];
    for (const delivery of held) {
      delivery.held = false;
      this.dispatch(delivery);
    }
    await this.settle();
  }

  /** Sends delivery `id` again with the same `X-GitHub-Delivery`; resolves when it was answered. */
  async redeliver(id: string): Promise<void> {
    const original = [...this.deliveries].reverse().find((d) => d.id === id);
    if (!original) throw new Error(`simulator: no delivery ${id}`);
    const again = this.copyOf(original, null);
    this.schedule(again);
    await this.completion.get(again);
  }

  private copyOf(original: Delivery, fault: Delivery["fault"]): Delivery {
    const body = this.bodies.get(original);
    if (body === undefined) throw new Error(`simulator: no delivery ${original.id}`);
    const again: Delivery = {
      ...original,
      payload: JSON.parse(body) as Record<string, unknown>,
      status: null,
      redelivery: true,
      held: false,
      error: null,
      durationMs: null,
      fault,
    };
    this.bodies.set(again, body);
    this.deliveries.push(again);
    return again;
  }

  /** Sends a new delivery, or (with faults) drops, repeats or delays it. */
  private dispatch(delivery: Delivery): void {
    const plan = this.faults?.plan(delivery);
    if (!plan) {
      this.schedule(delivery);
      return;
    }
    if (plan.drop) {
      delivery.fault = "dropped";
      this.faults?.dropped(delivery);
      return;
    }
    plan.delaysMs.forEach((delayMs, index) => {
      const send = index === 0 ? delivery : this.copyOf(delivery, "duplicate");
      if (delayMs === 0) {
        this.schedule(send);
        return;
      }
      send.fault ??= "delayed";
      this.delayedSends += 1;
      setTimeout(() => {
        this.delayedSends -= 1;
        this.schedule(send);
        this.checkIdle();
      }, delayMs);
    });
  }

  /** The delivery a request arriving now belongs to: the only one in flight, else null. */
  current(): Delivery | null {
    if (this.inFlight.size !== 1) return null;
    return this.inFlight.values().next().value ?? null;
  }

  /** Resolves when nothing is queued or in flight, including deliveries caused by the app's writes. */
  async settle(): Promise<void> {
    for (;;) {
      if (!this.busy()) {
        // One more turn of the event loop: an answer may be followed by writes still in transit.
        await new Promise((resolve) => setImmediate(resolve));
        const redelivered = this.busy() ? [] : (this.faults?.redeliverNow() ?? []);
        for (const lost of redelivered) this.schedule(this.copyOf(lost, null));
        if (!this.busy()) return;
      }
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
  }

  private busy(): boolean {
    return this.waiting.length > 0 || this.inFlight.size > 0 || this.pumping || this.delayedSends > 0;
  }

  private checkIdle(): void {
    if (this.busy()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private schedule(delivery: Delivery): void {
    let done: () => void = () => {};
    this.completion.set(delivery, new Promise<void>((resolve) => (done = resolve)));
    if (this.target === null) {
      delivery.error = "no webhook target";
      done();
      return;
    }
    const run = async () => {
      await this.send(delivery);
      done();
    };
    if (this.mode === "concurrent") {
      void run();
      return;
    }
    this.waiting.push(delivery);
    this.serialRuns.set(delivery, run);
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiting.length > 0) {
        // With faults, let everything queued in this turn arrive first, so shuffling has a choice.
        if (this.faults) await new Promise((resolve) => setImmediate(resolve));
        const [next] = this.waiting.splice(this.faults?.pickNext(this.waiting.length) ?? 0, 1);
        if (next) await this.serialRuns.get(next)?.();
      }
    } finally {
      this.pumping = false;
      this.checkIdle();
    }
  }

  private async send(delivery: Delivery): Promise<void> {
    const body = this.bodies.get(delivery) ?? "{}";
    const target = this.target;
    this.inFlight.add(delivery);
    const started = performance.now();
    try {
      if (!target) throw new Error("no webhook target");
      const response = await fetch(target, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "GitHub-Hookshot/sim",
          "x-github-event": delivery.event,
          "x-github-delivery": delivery.id,
          "x-github-hook-id": String(this.opts.hookId),
          "x-github-hook-installation-target-id": String(this.opts.appId),
          "x-github-hook-installation-target-type": "integration",
          "x-hub-signature-256": await sign(this.opts.secret, body),
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.text();
      delivery.status = response.status;
    } catch (error) {
      delivery.status = 0;
      delivery.error = error instanceof Error ? `${error.message}${causeOf(error)}` : String(error);
    } finally {
      delivery.durationMs = Math.round(performance.now() - started);
      this.inFlight.delete(delivery);
      this.checkIdle();
    }
  }
}

function causeOf(error: Error): string {
  const cause = error.cause;
  return cause instanceof Error ? ` (${cause.message})` : "";
}
