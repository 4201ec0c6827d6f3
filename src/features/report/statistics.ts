/**
 * The few statistics the report uses, defined so they can be computed by hand:
 * the median averages the two middle values of an even count; p90 is the
 * nearest-rank percentile (the ⌈0.9·n⌉-th smallest value, always a real sample).
 */

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 === 1
    ? (ordered[middle] as number)
    : ((ordered[middle - 1] as number) + (ordered[middle] as number)) / 2;
}

export function percentile(values: readonly number[], share: number): number | null {
  if (values.length === 0) return null;
  const ordered = sorted(values);
  const rank = Math.max(1, Math.ceil(share * ordered.length));
  return ordered[rank - 1] as number;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** part / whole, or null when there is nothing to divide. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
