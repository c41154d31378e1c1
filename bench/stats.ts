/** Small statistics for the benchmark. */

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The median of `a[i] / b[i]`: each pair was measured back to back, so a burst of other work on the machine
 * slows both sides of a pair alike and the ratio stays true where a ratio of medians would not.
 */
export function medianRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((x, i) => x / b[i]));
}
