import { backoffDelay } from '@/lib/async/backoff';
import type { RunOutcome } from './call-algorithm-endpoint';

// What happens to a run after one attempt. Transient failures (network, timeout, 5xx,
// 429) are tried again with exponential backoff and jitter, honouring the endpoint's
// Retry-After, until the run's attempts are used up: then it is DEAD (replayable).
// Other failures are the input's fault and end the run at once.

export const RETRY_BASE_MS = 1_000;
export const RETRY_MAX_MS = 5 * 60_000;

export type NextRunState =
  | { status: 'SUCCEEDED' }
  | { status: 'FAILED' | 'TIMED_OUT' | 'DEAD'; error: string }
  | { status: 'QUEUED'; error: string; retryInMs: number };

/**
 * `retries`: the run follows the retry policy (the executor's runs); a synchronous run
 * ends with the outcome its caller was given.
 */
export function nextRunState(outcome: RunOutcome, run: { attempt: number; maxAttempts: number; retries: boolean }): NextRunState {
  if (outcome.status === 'SUCCEEDED') return outcome;
  if (!run.retries || !outcome.retryable) return { status: outcome.status, error: outcome.error };
  if (run.attempt >= run.maxAttempts) {
    const attempts = run.maxAttempts === 1 ? '1 attempt' : `${run.maxAttempts} attempts`;
    return { status: 'DEAD', error: `Gave up after ${attempts}: ${outcome.error}` };
  }
  const backoff = backoffDelay(run.attempt, RETRY_MAX_MS, RETRY_BASE_MS);
  return { status: 'QUEUED', error: outcome.error, retryInMs: Math.round(Math.min(RETRY_MAX_MS, Math.max(backoff, outcome.retryAfterMs ?? 0))) };
}
