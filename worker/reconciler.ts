import type { Logger } from '@/lib/logger';

export interface Reconciler {
  /** Reconcile as soon as the current pass (if any) is done; bursts coalesce into one pass. */
  trigger(): void;
  /** When the last pass succeeded (epoch ms), if one has. */
  lastSuccessAt(): number | undefined;
  stop(): Promise<void>;
}

/**
 * Runs `reconcile` every `intervalMs` and whenever triggered (a NOTIFY from the web app),
 * one pass at a time. The periodic pass catches whatever a missed notification did not.
 * The worker's periodic work goes through it (the flows' leases, the retention sweep).
 */
export function startReconciler(options: {
  intervalMs: number;
  reconcile(): Promise<void>;
  onError(error: unknown): void;
  logger: Logger;
  /** Logged with a failed pass's error (the pass is tried again at the next interval). */
  failureMessage?: string;
}): Reconciler {
  let stopped = false;
  let triggered = false;
  let wake: (() => void) | undefined;
  let lastSuccessAt: number | undefined;

  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.intervalMs);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const loop = (async () => {
    while (!stopped) {
      triggered = false;
      try {
        await options.reconcile();
        lastSuccessAt = Date.now();
      } catch (error) {
        options.logger.warn({ err: error }, options.failureMessage ?? 'could not reconcile event flows; retrying');
        options.onError(error);
      }
      if (!triggered && !stopped) await idle();
    }
  })();

  return {
    trigger() {
      triggered = true;
      wake?.();
    },
    lastSuccessAt: () => lastSuccessAt,
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
