// Run durations are rolled up per minute as counts per bucket, so percentiles can be
// read over any window by adding the buckets (exact percentiles cannot be added up).
// Upper bounds in milliseconds; the last bucket holds everything longer.
export const DURATION_BUCKET_BOUNDS_MS = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000, 900_000, 3_600_000] as const;
export const DURATION_BUCKETS = DURATION_BUCKET_BOUNDS_MS.length + 1;

/** The bucket (0-based) a duration falls in. */
export function durationBucketOf(durationMs: number): number {
  const index = DURATION_BUCKET_BOUNDS_MS.findIndex((bound) => durationMs <= bound);
  return index === -1 ? DURATION_BUCKET_BOUNDS_MS.length : index;
}

/**
 * The q-quantile (0..1) of the durations counted in `buckets`, interpolated inside its
 * bucket; null without durations. Accurate to the bucket's width.
 */
export function durationQuantile(buckets: ReadonlyArray<number | null>, q: number): number | null {
  const total = buckets.reduce<number>((sum, count) => sum + (count ?? 0), 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let index = 0; index < buckets.length; index++) {
    const count = buckets[index] ?? 0;
    if (count > 0 && seen + count >= rank) {
      const lower = index === 0 ? 0 : DURATION_BUCKET_BOUNDS_MS[index - 1]!;
      const upper = DURATION_BUCKET_BOUNDS_MS[index] ?? lower * 2;
      return Math.round(lower + ((rank - seen) / count) * (upper - lower));
    }
    seen += count;
  }
  return DURATION_BUCKET_BOUNDS_MS.at(-1)!;
}
