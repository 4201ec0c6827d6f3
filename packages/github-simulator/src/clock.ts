/** The simulator's notion of "now": every timestamp it records comes from here. */
export interface SimClock {
  now(): Date;
  set(d: Date): void;
  advance(ms: number): void;
}

/** A manual clock: time stands still at `start` until `set` or `advance` moves it. */
export function createClock(start: Date): SimClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (d) => {
      current = d.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/** A clock that follows real time from now on; `set` and `advance` shift it by an offset. */
export function createRealClock(): SimClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    set: (d) => {
      offset = d.getTime() - Date.now();
    },
    advance: (ms) => {
      offset += ms;
    },
  };
}

/** GitHub's timestamp format: ISO 8601 in UTC without milliseconds. */
export function isoSeconds(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** Whether ISO time `stored` is at or after ISO time `since` (either with or without milliseconds). */
export function atOrAfter(stored: string, since: string): boolean {
  return Date.parse(stored) >= Date.parse(since);
}
