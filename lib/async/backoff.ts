import { setTimeout as sleep } from 'node:timers/promises';

/** The first retry's ceiling; each later one doubles it up to maxMs. */
const DEFAULT_BASE_MS = 250;

/**
 * Delay before retry number `attempt` (1, 2, ...): exponential up to maxMs, with "equal
 * jitter" (half fixed, half random) so that many clients failing together spread out
 * and no retry comes back at once. Every retry loop of the product uses it.
 */
export function backoffDelay(attempt: number, maxMs: number, baseMs = DEFAULT_BASE_MS): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 20));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Waits, or returns early when the signal aborts. Never throws. */
export async function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}
