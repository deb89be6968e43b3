import { setTimeout as sleep } from 'node:timers/promises';

const BASE_MS = 250;

/**
 * Delay before retry number `attempt` (1, 2, ...): exponential up to maxMs, with "equal
 * jitter" (half fixed, half random) so that many consumers failing together spread out
 * and no retry comes back at once.
 */
export function backoffDelay(attempt: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, BASE_MS * 2 ** Math.min(Math.max(attempt - 1, 0), 20));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Waits, or returns early when the signal aborts. Never throws. */
export async function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}
