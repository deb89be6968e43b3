// The worker process: runs the SQS consumers of the enabled event flows it leases.
import { Registry, collectDefaultMetrics } from 'prom-client';
import { ConfigError, env } from '@/lib/env';
import { migrate } from '@/lib/db/migrate';
import { createDb } from '@/lib/db/client';
import { coerceError, logger } from '@/lib/logger';
import { sqsAccessFromEnv } from '@/lib/sqs/sqs-access-from-env';
import { workerConfig } from './config';
import { startMetricsServer } from './metrics-server';
import { startWorkerRunExecutor } from './run-executor-wiring';
import { startRetentionSweeper } from './retention-sweeper';
import { exitOnShutdownSignal } from './shutdown';
import { startWorker } from './worker';

async function main(): Promise<void> {
  const config = workerConfig(env());
  await migrate(config.databaseUrl);
  const db = createDb(config.databaseUrl);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const worker = startWorker({ db, config, sqsAccess: sqsAccessFromEnv(env()), registry, logger });
  // Queued runs are executed in this process too, next to the consumers that queue them.
  const runExecutor = startWorkerRunExecutor({
    db,
    databaseUrl: config.databaseUrl,
    workerId: worker.id,
    leaseMs: config.leaseMs,
    maxBackoffMs: config.maxBackoffMs,
    logger,
  });
  const retentionSweeper = startRetentionSweeper({
    db,
    intervalMs: config.retentionSweepMs,
    batchSize: config.retentionBatchSize,
    metricsRetentionDays: config.metricsRetentionDays,
    logger,
  });
  const metrics = await startMetricsServer(config.metrics, registry, () => worker.health());
  logger.info({ workerId: worker.id, metricsHost: config.metrics.host, metricsPort: metrics.port, platformApiUrl: config.platformApiUrl }, 'worker started');

  exitOnShutdownSignal(
    async () => {
      await Promise.all([worker.stop(), runExecutor.stop(), retentionSweeper.stop()]);
      await metrics.close();
      await db.$disconnect();
    },
    { logger, hardLimitMs: config.shutdownGraceMs + 15_000 },
  );
}

main().catch((error: unknown) => {
  const err = coerceError(error);
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else logger.fatal({ err }, 'worker failed to start');
  process.exit(1);
});
