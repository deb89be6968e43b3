import os from 'node:os';
import type { Db } from '@/lib/db/client';
import type { Logger } from '@/lib/logger';
import { RUNS_MOVED_CHANNEL, RUNS_QUEUED_CHANNEL } from '@/lib/runs/run-channels';
import { platformRunContext } from '@/lib/runs/run-context';
import { startRunExecutor, type RunExecutor } from '@/lib/runs/start-run-executor';
import { listenForNotifications } from './notifications';
import { heartbeatWorker } from './sql/heartbeat-worker';

export interface WorkerRunExecutorOptions {
  db: Db;
  databaseUrl: string;
  /** The worker process's id: its runs carry it, and its heartbeat is their lease. */
  workerId: string;
  leaseMs: number;
  maxBackoffMs: number;
  logger: Logger;
}

/**
 * The worker's wiring around the run executor (lib/runs/start-run-executor.ts, which runs
 * the queued runs): the worker process's heartbeat as the executor's lease, and wakes on
 * the NOTIFY of every queued run and on other executors' runs moving (capacity freed);
 * the executor's poll stays as the fallback while the notification connection is down.
 */
export function startWorkerRunExecutor({ db, databaseUrl, workerId, leaseMs, maxBackoffMs, logger }: WorkerRunExecutorOptions): RunExecutor {
  const context = platformRunContext();
  if (!context.dataTokenKey) logger.warn('Neither DATA_TOKEN_KEY nor BETTER_AUTH_SECRET is set: algorithms get no data token and cannot use hosted data');
  logger.info({ dataApiUrl: context.dataApiUrl }, 'run executor started');
  const executor = startRunExecutor({
    db,
    context: { ...context, logger },
    executorId: workerId,
    heartbeat: () => heartbeatWorker(db, { id: workerId, hostname: os.hostname() }, leaseMs),
    leaseMs,
    pollIntervalMs: 5_000,
  });
  const notifications = listenForNotifications({
    databaseUrl,
    channels: [RUNS_QUEUED_CHANNEL, RUNS_MOVED_CHANNEL],
    // Its own "moved" notifications tell it nothing new; a "queued" one names the runs' caller.
    onNotification: (channel, payload) => {
      if (channel === RUNS_QUEUED_CHANNEL) executor.wake(payload);
      else if (payload !== workerId) executor.wake();
    },
    logger,
    maxBackoffMs,
  });
  return {
    wake: () => executor.wake(),
    async stop(graceMs) {
      await notifications.stop();
      await executor.stop(graceMs);
    },
  };
}
