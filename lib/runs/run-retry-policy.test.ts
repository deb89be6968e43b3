import { describe, expect, it } from 'vitest';
import { nextRunState, RETRY_MAX_MS } from './run-retry-policy';

const transient = { status: 'FAILED' as const, error: 'The algorithm answered HTTP 500: oops', retryable: true };

describe('after an attempt', () => {
  it('a success ends the run', () => {
    expect(nextRunState({ status: 'SUCCEEDED', output: 1 }, { attempt: 1, maxAttempts: 3, retries: true })).toEqual({ status: 'SUCCEEDED', output: 1 });
  });

  it('a transient failure queues the run again after a backoff of about a second, doubling', () => {
    const first = nextRunState(transient, { attempt: 1, maxAttempts: 3, retries: true });
    expect(first).toMatchObject({ status: 'QUEUED', error: transient.error });
    expect(first.status === 'QUEUED' && first.retryInMs).toBeGreaterThanOrEqual(500);
    expect(first.status === 'QUEUED' && first.retryInMs).toBeLessThanOrEqual(1_000);
    const second = nextRunState(transient, { attempt: 2, maxAttempts: 3, retries: true });
    expect(second.status === 'QUEUED' && second.retryInMs).toBeGreaterThanOrEqual(1_000);
    expect(second.status === 'QUEUED' && second.retryInMs).toBeLessThanOrEqual(2_000);
  });

  it("waits at least the endpoint's Retry-After, and never more than 5 minutes", () => {
    expect(nextRunState({ ...transient, retryAfterMs: 30_000 }, { attempt: 1, maxAttempts: 3, retries: true })).toMatchObject({ retryInMs: 30_000 });
    expect(nextRunState({ ...transient, retryAfterMs: 3_600_000 }, { attempt: 1, maxAttempts: 3, retries: true })).toMatchObject({ retryInMs: RETRY_MAX_MS });
    const late = nextRunState(transient, { attempt: 19, maxAttempts: 20, retries: true });
    expect(late.status === 'QUEUED' && late.retryInMs).toBeLessThanOrEqual(RETRY_MAX_MS);
  });

  it('the last attempt failing transiently makes the run DEAD', () => {
    expect(nextRunState(transient, { attempt: 3, maxAttempts: 3, retries: true })).toEqual({
      status: 'DEAD',
      error: 'Gave up after 3 attempts: The algorithm answered HTTP 500: oops',
    });
  });

  it('a failure that is the input’s fault, or a synchronous run, ends as it failed', () => {
    const badInput = { status: 'FAILED' as const, error: 'The algorithm answered HTTP 400: bad', retryable: false };
    expect(nextRunState(badInput, { attempt: 1, maxAttempts: 3, retries: true })).toEqual({ status: 'FAILED', error: badInput.error });
    const timeout = { status: 'TIMED_OUT' as const, error: 'too slow', retryable: true };
    expect(nextRunState(timeout, { attempt: 1, maxAttempts: 1, retries: false })).toEqual({ status: 'TIMED_OUT', error: 'too slow' });
  });
});
