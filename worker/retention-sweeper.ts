import type { Db } from '@/lib/db/client';
import { sleepUnlessAborted } from '@/lib/async/backoff';
import { pruneFlowMetrics } from '@/lib/flow-metrics/prune-flow-metrics';
import type { Logger } from '@/lib/logger';
import { deleteExpiredRuns } from '@/lib/runs/delete-expired-runs';
import { pruneDeletedRunMessages } from '@/lib/runs/prune-deleted-run-messages';
import { startReconciler } from './reconciler';

export interface RetentionSweeperOptions {
  db: Db;
  /** Between sweeps; a sweep goes on, batch after batch, while there is something to delete. */
  intervalMs: number;
  /** Rows deleted per statement (one short transaction each). */
  batchSize: number;
  /** The connection pages' per-minute rollups are kept this long (pruned hourly). */
  metricsRetentionDays: number;
  logger: Logger;
}

export interface RetentionSweeper {
  /** Ends the batch in progress (if any) and stops. Idempotent. */
  stop(): Promise<void>;
}

const METRICS_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * What the worker deletes when its time has come, one pass every `intervalMs`: ended runs
 * past their retention window (lib/runs/delete-expired-runs.ts), the message ids kept for
 * deleted runs once SQS can no longer redeliver them, and (hourly) the charts' old
 * rollups. Runs go in bounded batches, each followed by a pause as long as it took, so
 * the sweep holds at most half of one database connection and the hot paths keep the
 * rest. Every worker process sweeps; SKIP LOCKED keeps two sweeps off each other's rows.
 */
export function startRetentionSweeper({ db, intervalMs, batchSize, metricsRetentionDays, logger }: RetentionSweeperOptions): RetentionSweeper {
  const stopping = new AbortController();
  let metricsPrunedAt = 0;

  async function inBatches(deleteBatch: () => Promise<number>): Promise<number> {
    let total = 0;
    while (!stopping.signal.aborted) {
      const startedAt = performance.now();
      const deleted = await deleteBatch();
      total += deleted;
      if (deleted < batchSize) break;
      await sleepUnlessAborted(performance.now() - startedAt, stopping.signal);
    }
    return total;
  }

  async function sweep(): Promise<void> {
    let remembered = 0;
    const runs = await inBatches(async () => {
      const batch = await deleteExpiredRuns(db, batchSize);
      remembered += batch.remembered;
      return batch.deleted;
    });
    const forgotten = await inBatches(() => pruneDeletedRunMessages(db, batchSize));
    if (runs || forgotten) logger.info({ runs, remembered, forgotten }, 'deleted runs past their retention');
    if (Date.now() - metricsPrunedAt >= METRICS_PRUNE_INTERVAL_MS && !stopping.signal.aborted) {
      await pruneFlowMetrics(db, metricsRetentionDays);
      metricsPrunedAt = Date.now();
    }
  }

  const sweeper = startReconciler({
    intervalMs,
    reconcile: sweep,
    onError: () => undefined,
    logger,
    failureMessage: 'the retention sweep failed; trying again at the next one',
  });
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopping.abort();
      return (stopped ??= sweeper.stop());
    },
  };
}
