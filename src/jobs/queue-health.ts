/** What `GET /healthz` and the logs say about the sweep's queue. */
export interface QueueHealth {
  /** `redis`: BullMQ shared by the replicas; `in-process`: this process alone; `off`: no sweep. */
  mode: "redis" | "in-process" | "off";
  /** Redis answers (always true in process). */
  connected: boolean;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface SweepQueue {
  health(): Promise<QueueHealth>;
  /** Adds this window's pass now (tests, benchmarks, an operator's "sweep now"). */
  sweepNow(window?: number): Promise<void>;
  stop(): Promise<void>;
}

export const NO_QUEUE: SweepQueue = {
  health: async () => ({
    mode: "off",
    connected: true,
    waiting: 0,
    active: 0,
    delayed: 0,
    failed: 0,
    completed: 0,
  }),
  sweepNow: async () => {},
  stop: async () => {},
};

/** Attempts and back-off of a failed job (GitHub down, a bug): 2 s, 8 s, 32 s, then failed. */
export const JOB_ATTEMPTS = 4;
export const BACKOFF_MS = 2_000;
export function backoffMs(attempt: number, base = BACKOFF_MS): number {
  return base * 4 ** Math.max(0, attempt - 1);
}
