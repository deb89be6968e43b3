// The worker role (`npm run start:worker`): runs the SQS consumers of the enabled event
// flows it leases, and the queued runs. It never migrates: `npm run migrate` (or npm
// start) does, before any worker of the release starts; it refuses a schema behind it.
import { Registry, collectDefaultMetrics } from 'prom-client';
import { assertSchemaCurrent } from '@/lib/db/assert-schema-current';
import { checkDatabase } from '@/lib/db/check-database';
import { ConfigError, env } from '@/lib/env';
import { createDb } from '@/lib/db/client';
import { assertLocalModeHost } from '@/lib/local/assert-local-mode-host';
import { coerceError, logger } from '@/lib/logger';
import { createSharedSqsClients } from '@/lib/sqs/shared-sqs-clients';
import { sqsAccessFromEnv } from '@/lib/sqs/sqs-access-from-env';
import { startBacklogMetrics } from './backlog-metrics';
import { workerConfig } from './config';
import { startMetricsServer } from './metrics-server';
import { startWorkerRunExecutor } from './run-executor-wiring';
import { exitOnShutdownSignal } from '@/lib/process/exit-on-shutdown-signal';
import { startRetentionSweeper } from './retention-sweeper';
import { startDestinationSender } from './destination-sender';
import { startWorker } from './worker';

const READY_CHECK_TIMEOUT_MS = 3_000;

async function main(): Promise<void> {
  const config = workerConfig(env());
  const warning = assertLocalModeHost(env(), config.metrics.host);
  if (warning) logger.warn(warning);
  await checkDatabase(config.databaseUrl);
  await assertSchemaCurrent(config.databaseUrl);
  const db = createDb(config.databaseUrl);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  // One AssumeRole cache, and one client per region and role, for the consumers, the queue
  // samples and the destination sender.
  const sqsClients = createSharedSqsClients(sqsAccessFromEnv(env()));
  const worker = startWorker({ db, config, sqsClients, registry, logger });
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
  // Runs' results to their flows' destination queues (the outbox lib/runs/finish-run.ts writes).
  const destinationSender = startDestinationSender({
    db,
    databaseUrl: config.databaseUrl,
    sqsClients,
    registry,
    leaseMs: config.leaseMs,
    pollIntervalMs: config.reconcileIntervalMs,
    policy: { maxAttempts: config.destinationSendAttempts, maxBackoffMs: config.maxBackoffMs },
    logger,
  });
  const backlogMetrics = startBacklogMetrics({ db, workerId: worker.id, registry, sqsClients, intervalMs: env().WORKER_SAMPLE_INTERVAL_MS, logger });
  const metrics = await startMetricsServer(config.metrics, registry, {
    health: () => worker.health(),
    async ready() {
      const leases = worker.health().healthy ? 'renewing' : 'stale';
      const database = await Promise.race([
        db.$queryRaw`SELECT 1`.then(() => 'reachable' as const),
        new Promise<'unreachable'>((resolve) => setTimeout(() => resolve('unreachable'), READY_CHECK_TIMEOUT_MS).unref()),
      ]).catch(() => 'unreachable' as const);
      return { ready: leases === 'renewing' && database === 'reachable', leases, database };
    },
  });
  logger.info({ workerId: worker.id, metricsHost: config.metrics.host, metricsPort: metrics.port, platformApiUrl: config.platformApiUrl }, 'worker started');

  exitOnShutdownSignal(
    async () => {
      await Promise.all([worker.stop(), runExecutor.stop(), backlogMetrics.stop(), retentionSweeper.stop(), destinationSender.stop()]);
      sqsClients.destroyAll();
      await metrics.close();
      await db.$disconnect();
    },
    { role: 'worker', logger, hardLimitMs: config.shutdownGraceMs + 15_000 },
  );
}

main().catch((error: unknown) => {
  const err = coerceError(error);
  if (err instanceof ConfigError || err.name === 'DatabaseUnreachableError') process.stderr.write(`${err.message}\n`);
  else logger.fatal({ err }, 'worker failed to start');
  process.exit(1);
});
