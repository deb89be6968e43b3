import type { Db } from '@/lib/db/client';
import type { Logger } from '@/lib/logger';
import { platformRunContext } from '@/lib/runs/run-context';
import { startRunExecutor, type RunExecutor } from '@/lib/runs/start-run-executor';

/** The worker's run executor: runs the queued runs of the algorithm API (lib/runs). */
export function startWorkerRunExecutor({ db, logger }: { db: Db; logger: Logger }): RunExecutor {
  const context = platformRunContext();
  if (!context.authSecret) logger.warn('BETTER_AUTH_SECRET is not set: algorithms get no data token and cannot use hosted data');
  logger.info({ dataApiUrl: context.dataApiUrl }, 'run executor started');
  return startRunExecutor({ db, context: { ...context, logger } });
}
