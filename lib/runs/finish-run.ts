import type { Db } from '@/lib/db/client';
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

/**
 * Records how an attempt ended: SUCCEEDED, FAILED, TIMED_OUT, DEAD, or QUEUED again for
 * a retry after its backoff; every ended attempt is added to the run's attempt log.
 * Only the attempt that was claimed is finished; false when it no longer is (its
 * executor's lease lapsed and the run was re-queued or claimed again). A success still
 * counts for a run that was re-queued but not claimed again: the endpoint said so.
 * Returns the run's new state, or null when this attempt was no longer its to finish.
 */
export async function finishRun(db: Db, run: FinishingRun, outcome: RunOutcome, durationMs: number): Promise<NextRunState | null> {
  const next = nextRunState(outcome, { ...run, retries: run.executorId !== null });
  const succeeded = next.status === 'SUCCEEDED';
  const output = outcome.status === 'SUCCEEDED' ? JSON.stringify(outcome.output ?? null) : null;
  const error = next.status === 'SUCCEEDED' ? null : next.error;
  const retryInMs = next.status === 'QUEUED' ? next.retryInMs : null;
  const count = await db.$executeRaw`
    UPDATE "AlgorithmRun" SET
      "status" = ${next.status}::"RunStatus",
      "output" = ${output}::jsonb,
      "error" = ${error},
      "durationMs" = ${durationMs}::int,
      "finishedAt" = CASE WHEN ${retryInMs}::int IS NULL THEN now() AT TIME ZONE 'UTC' END,
      "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${retryInMs}::int / 1000.0),
      "executorId" = NULL,
      "attemptLog" = "attemptLog" || jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
        'attempt', ${run.attempt}::int, 'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'outcome', ${outcome.status}::text, 'error', ${outcome.status === 'SUCCEEDED' ? null : outcome.error}::text,
        'durationMs', ${durationMs}::int)))
    WHERE "id" = ${run.id} AND "attempt" = ${run.attempt}::int
      AND ("status" = 'RUNNING' OR (${succeeded} AND "status" = 'QUEUED'))`;
  return count === 1 ? next : null;
}
