import { describe, expect, it } from 'vitest';
import { DURATION_BUCKETS, durationBucketOf, durationQuantile } from './duration-buckets';

function bucketsOf(durations: number[]): number[] {
  const buckets = Array<number>(DURATION_BUCKETS).fill(0);
  for (const ms of durations) buckets[durationBucketOf(ms)]!++;
  return buckets;
}

describe('run duration buckets', () => {
  it('put a duration in the first bucket whose bound holds it', () => {
    expect(durationBucketOf(0)).toBe(0);
    expect(durationBucketOf(5)).toBe(0);
    expect(durationBucketOf(6)).toBe(1);
    expect(durationBucketOf(10_000_000)).toBe(DURATION_BUCKETS - 1);
  });

  it('give p50 and p95 within the width of their bucket', () => {
    const durations = Array.from({ length: 100 }, (_, n) => (n < 90 ? 40 : 2_000));
    const buckets = bucketsOf(durations);
    const p50 = durationQuantile(buckets, 0.5)!;
    expect(p50).toBeGreaterThan(25);
    expect(p50).toBeLessThanOrEqual(50);
    const p95 = durationQuantile(buckets, 0.95)!;
    expect(p95).toBeGreaterThan(1_000);
    expect(p95).toBeLessThanOrEqual(2_500);
  });

  it('say nothing without durations, and read missing buckets as zero', () => {
    expect(durationQuantile([], 0.5)).toBeNull();
    expect(durationQuantile([null, 0, 3], 0.5)).toBeGreaterThan(10);
  });
});
