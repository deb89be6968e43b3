import { describe, expect, it } from 'vitest';
import { describeAttempts } from './describe-attempts';

describe("a run's attempts in words", () => {
  it('say "attempt 1 of 3" only while another may follow', () => {
    expect(describeAttempts({ status: 'RUNNING', attempt: 1, maxAttempts: 3 })).toBe('Attempt 1 of 3');
    expect(describeAttempts({ status: 'QUEUED', attempt: 1, maxAttempts: 3 })).toBe('Attempt 1 of 3 failed; it will be retried');
    expect(describeAttempts({ status: 'QUEUED', attempt: 0, maxAttempts: 3 })).toBe('Not started yet');
  });

  it('say how many an ended run took, and that a refused input is not retried', () => {
    expect(describeAttempts({ status: 'FAILED', attempt: 1, maxAttempts: 3 })).toBe('1 attempt; not retried (the algorithm refused this input)');
    expect(describeAttempts({ status: 'DEAD', attempt: 3, maxAttempts: 3 })).toBe('3 attempts, all failed');
    expect(describeAttempts({ status: 'SUCCEEDED', attempt: 2, maxAttempts: 3 })).toBe('2 attempts');
  });
});
