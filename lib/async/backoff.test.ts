import { describe, expect, it } from 'vitest';
import { backoffDelay } from '@/lib/async/backoff';

describe('backoff', () => {
  it('grows with each attempt, stays within its ceiling, and is never zero', () => {
    for (let attempt = 1; attempt <= 30; attempt++) {
      const ceiling = Math.min(10_000, 250 * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i++) {
        const delay = backoffDelay(attempt, 10_000);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('starts from the base it is given', () => {
    const delay = backoffDelay(1, 300_000, 1_000);
    expect(delay).toBeGreaterThanOrEqual(500);
    expect(delay).toBeLessThanOrEqual(1_000);
  });

  it('spreads retries of the same attempt', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(5, 30_000)));
    expect(delays.size).toBeGreaterThan(10);
  });
});
