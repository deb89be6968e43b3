import { sqlPool, type Db } from '@/lib/db/client';
import { DURATION_BUCKETS } from '@/lib/flow-metrics/duration-buckets';
import { runRollupOf } from '@/lib/flow-metrics/run-rollup';
import type { RunOutcome } from './call-algorithm-endpoint';
import { nextRunState, type NextRunState } from './run-retry-policy';

/** The attempt being finished, as it was claimed. */
export interface FinishingRun {
  id: string;
  attempt: number;
  maxAttempts: number;
  /** The executor that claimed it; null for a synchronous run (no retries). */
  executorId: string | null;
}

// A named prepared statement: one round trip, planned once per connection. It also adds
// an ended run to its flow's per-minute rollup (the connection page's charts).
const FINISH_RUN = {
  name: 'finish-run',
  text: `
    WITH finished AS (
      UPDATE "AlgorithmRun" SET
        "status" = $2::"RunStatus",
        "output" = $3::jsonb,
        "error" = $4,
        "durationMs" = $5::int,
        "finishedAt" = CASE WHEN $6::int IS NULL THEN now() AT TIME ZONE 'UTC' END,
        "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => $6::int / 1000.0),
        "executorId" = NULL,
        "attemptLog" = "attemptLog" || jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
          'attempt', $7::int, 'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'outcome', $8::text, 'error', $9::text, 'durationMs', $5::int)))
      WHERE "id" = $1 AND "attempt" = $7::int AND ("status" = 'RUNNING' OR ($2 = 'SUCCEEDED' AND "status" = 'QUEUED'))
      RETURNING "eventFlowId"
    ),
    rollup AS (
      INSERT INTO "FlowMetricMinute" AS m ("eventFlowId", "minute", "runsSucceeded", "runsFailed", "runsDead", "durationBuckets")
      SELECT f."eventFlowId", date_trunc('minute', now() AT TIME ZONE 'UTC'), $10::int, $11::int, $12::int,
        (SELECT array_agg(CASE WHEN i = $13::int THEN 1 ELSE 0 END ORDER BY i) FROM generate_series(1, $14::int) AS i)
      FROM finished f WHERE f."eventFlowId" IS NOT NULL AND $13::int IS NOT NULL
      ON CONFLICT ("eventFlowId", "minute") DO UPDATE SET
        "runsSucceeded" = m."runsSucceeded" + EXCLUDED."runsSucceeded",
        "runsFailed" = m."runsFailed" + EXCLUDED."runsFailed",
        "runsDead" = m."runsDead" + EXCLUDED."runsDead",
        "durationBuckets" = (SELECT array_agg(COALESCE(m."durationBuckets"[i], 0) + EXCLUDED."durationBuckets"[i] ORDER BY i)
          FROM generate_series(1, $14::int) AS i)
    )
    SELECT count(*)::int AS finished FROM finished`,
};

/**
 * Records how an attempt ended: SUCCEEDED, FAILED, TIMED_OUT, DEAD, or QUEUED again for
 * a retry after its backoff; every ended attempt is added to the run's attempt log.
 * Only the attempt that was claimed is finished (when its executor's lease lapsed the
 * run was re-queued and may run again). A success still counts for a run that was
 * re-queued but not claimed again: the endpoint said so.
 * Returns the run's new state, or null when this attempt was no longer its to finish.
 */
export async function finishRun(db: Db, run: FinishingRun, outcome: RunOutcome, durationMs: number): Promise<NextRunState | null> {
  const next = nextRunState(outcome, { ...run, retries: run.executorId !== null });
  const rollup = runRollupOf(next.status, durationMs);
  const { rows } = await sqlPool(db).query<{ finished: number }>({
    ...FINISH_RUN,
    values: [
      run.id,
      next.status,
      outcome.status === 'SUCCEEDED' ? JSON.stringify(outcome.output ?? null) : null,
      next.status === 'SUCCEEDED' ? null : next.error,
      durationMs,
      next.status === 'QUEUED' ? next.retryInMs : null,
      run.attempt,
      outcome.status,
      outcome.status === 'SUCCEEDED' ? null : outcome.error,
      rollup?.succeeded ?? 0,
      rollup?.failed ?? 0,
      rollup?.dead ?? 0,
      rollup?.bucket ?? null,
      DURATION_BUCKETS,
    ],
  });
  return rows[0]?.finished === 1 ? next : null;
}
