import { formatDuration, parseDuration } from "../config/duration.js";

/**
 * How often the server runs the sweep (§10): `SWEEP_INTERVAL` as a duration (`5m`,
 * `90s`, `1h`), or `off`. A wrong value stops the server at start, not at 3 a.m.
 */
export const DEFAULT_SWEEP_INTERVAL = "5m";
const MIN_SWEEP_MS = 60_000;

export type SweepSettings = { intervalMs: number; text: string } | { intervalMs: null; text: "off" };

export function sweepSettings(env: NodeJS.ProcessEnv): SweepSettings {
  const raw = (env.SWEEP_INTERVAL ?? "").trim() || DEFAULT_SWEEP_INTERVAL;
  if (/^(off|false|0|none)$/i.test(raw)) return { intervalMs: null, text: "off" };
  const ms = parseDuration(raw);
  if (ms === null || ms < MIN_SWEEP_MS) {
    throw new Error(
      `SWEEP_INTERVAL=${JSON.stringify(raw)} is not a usable interval: write a duration of at least 1m ` +
        `(e.g. ${DEFAULT_SWEEP_INTERVAL}, 90s, 1h), or off.`,
    );
  }
  return { intervalMs: ms, text: formatDuration(ms) };
}
