// The worker process: runs the SQS consumers of every enabled event flow.
import { ConfigError, env } from '@/lib/env';
import { migrate } from '@/lib/db/migrate';
import { createDb } from '@/lib/db/client';
import { coerceError, logger } from '@/lib/logger';
import { startMetricsServer } from './metrics-server';
import { startReconciler } from './reconciler';
import { startWorkerRunExecutor } from './run-executor';

async function main(): Promise<void> {
  const config = env();
  if (!config.DATABASE_URL) throw new ConfigError('DATABASE_URL is not set (npm start sets it in local mode)');
  await migrate(config.DATABASE_URL);
  const db = createDb(config.DATABASE_URL);
  const reconciler = startReconciler({ db, logger });
  const runExecutor = startWorkerRunExecutor({ db, logger });
  const metrics = await startMetricsServer(config.WORKER_METRICS_PORT, () => reconciler.healthy());
  logger.info({ metricsPort: config.WORKER_METRICS_PORT }, 'worker started');

  let stopping: Promise<void> | undefined;
  const stop = (signal: string) => {
    stopping ??= (async () => {
      logger.info({ signal }, 'worker stopping');
      await Promise.all([reconciler.stop(), runExecutor.stop()]);
      await metrics.close();
      await db.$disconnect();
      logger.info('worker stopped');
      process.exit(0);
    })();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const err = coerceError(error);
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else logger.fatal({ err }, 'worker failed to start');
  process.exit(1);
});
