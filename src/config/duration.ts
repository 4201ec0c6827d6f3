/** Durations in config are written like people write them: `90s`, `5m`, `1h`, `2d`, `1w`, `1h30m`. */
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const PART = /(\d+)\s*([smhdw])/gy;

/** Milliseconds for a duration string, or null when it is not one. */
export function parseDuration(text: string): number | null {
  const compact = text.trim().toLowerCase().replace(/\s+/g, "");
  if (compact === "") return null;
  PART.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  for (let match = PART.exec(compact); match; match = PART.exec(compact)) {
    const [whole, amount, unit] = match as unknown as [string, string, keyof typeof UNIT_MS];
    total += Number(amount) * UNIT_MS[unit];
    consumed += whole.length;
  }
  return consumed === compact.length && total > 0 ? total : null;
}

/** The shortest readable form: `1h 30m`, `47m`, `2d 3h`. */
export function formatDuration(ms: number): string {
  const negative = ms < 0;
  let rest = Math.round(Math.abs(ms) / 60_000);
  if (rest === 0) return Math.abs(ms) < 1000 ? "0m" : "<1m";
  const parts: string[] = [];
  for (const [unit, minutes] of [
    ["d", 1440],
    ["h", 60],
    ["m", 1],
  ] as const) {
    if (rest >= minutes) {
      parts.push(`${Math.floor(rest / minutes)}${unit}`);
      rest %= minutes;
    }
  }
  return (negative ? "-" : "") + parts.slice(0, 2).join(" ");
}
