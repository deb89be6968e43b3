import type { Logger } from '@/lib/logger';

/**
 * The one place a role's process (web, worker) handles SIGTERM and SIGINT: the first
 * signal runs `stop` once and exits 0 when it is done. `stop` bounds itself; should it
 * still hang (a bug), the process exits 1 after `hardLimitMs` rather than never.
 */
export function exitOnShutdownSignal(stop: () => Promise<void>, options: { role: string; logger: Logger; hardLimitMs: number }): void {
  const { role, logger, hardLimitMs } = options;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.info({ signal }, 'already stopping');
      return;
    }
    stopping = true;
    logger.info({ signal }, `${role} stopping`);
    setTimeout(() => {
      logger.error({ hardLimitMs }, `${role} did not stop in time; exiting`);
      process.exit(1);
    }, hardLimitMs).unref();
    stop().then(
      () => {
        logger.info(`${role} stopped`);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, `${role} stopped with an error`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
