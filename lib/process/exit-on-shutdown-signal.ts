import type { Logger } from '@/lib/logger';

/**
 * The one place the worker handles SIGTERM and SIGINT: the first runs `stop` once and
 * exits 0 when it is done. `stop` is bounded by the shutdown grace; should it still
 * hang (a bug), the process exits 1 after `hardLimitMs` rather than never.
 */
export function exitOnShutdownSignal(stop: () => Promise<void>, options: { logger: Logger; hardLimitMs: number }): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.logger.info({ signal }, 'already stopping');
      return;
    }
    stopping = true;
    options.logger.info({ signal }, 'worker stopping');
    setTimeout(() => {
      options.logger.error({ hardLimitMs: options.hardLimitMs }, 'worker did not stop in time; exiting');
      process.exit(1);
    }, options.hardLimitMs).unref();
    stop().then(
      () => {
        options.logger.info('worker stopped');
        process.exit(0);
      },
      (error: unknown) => {
        options.logger.error({ err: error }, 'worker stopped with an error');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
