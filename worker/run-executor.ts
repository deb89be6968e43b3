import type { Db } from '@/lib/db/client';
import type { Logger } from '@/lib/logger';
import { RUNS_QUEUED_CHANNEL } from '@/lib/runs/admit-runs';
import { platformRunContext } from '@/lib/runs/run-context';
import { startRunExecutor, type RunExecutor } from '@/lib/runs/start-run-executor';
import { listenForNotifications } from './notifications';

export interface WorkerRunExecutorOptions {
  db: Db;
  databaseUrl: string;
  maxBackoffMs: number;
  logger: Logger;
}

/**
 * The worker's run executor: runs the queued runs of the algorithm API (lib/runs). It
 * wakes on the NOTIFY of every queued run; its poll stays as the fallback while the
 * notification connection is down.
 */
export function startWorkerRunExecutor({ db, databaseUrl, maxBackoffMs, logger }: WorkerRunExecutorOptions): RunExecutor {
  const context = platformRunContext();
  if (!context.authSecret) logger.warn('BETTER_AUTH_SECRET is not set: algorithms get no data token and cannot use hosted data');
  logger.info({ dataApiUrl: context.dataApiUrl }, 'run executor started');
  // The NOTIFY wakes it at once; the poll only covers a notification connection that is down.
  const executor = startRunExecutor({ db, context: { ...context, logger }, pollIntervalMs: 5_000 });
  const notifications = listenForNotifications({ databaseUrl, channel: RUNS_QUEUED_CHANNEL, onNotification: () => executor.wake(), logger, maxBackoffMs });
  return {
    wake: () => executor.wake(),
    async stop(graceMs) {
      await notifications.stop();
      await executor.stop(graceMs);
    },
  };
}
