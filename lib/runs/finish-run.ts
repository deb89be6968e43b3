import { batchWhileBusy } from '@/lib/async/batch-while-busy';
import { genericPlanPool, type Db } from '@/lib/db/client';
import { DURATION_BUCKETS } from '@/lib/flow-metrics/duration-buckets';
import { runRollupOf } from '@/lib/flow-metrics/run-rollup';
import { queueDestinationMessagesSql } from '@/lib/destinations/queue-destination-messages';
import type { RunOutcome } from './call-algorithm-endpoint';
import type { NextRunState } from './run-retry-policy';

/** The attempt being finished, as it was claimed. */
export interface FinishingRun {
  id: string;
  attempt: number;
  maxAttempts: number;
  /** The executor that claimed it; null for a synchronous run (no retries). */
  executorId: string | null;
}

// Outcomes are written in batches (batchWhileBusy): a busy executor writes many runs per
// round trip and an idle one writes each at once. One named prepared statement (planned
// once per connection: genericPlanPool) finishes a batch and adds its ended runs to their
// flows' per-minute rollups (the connection page's charts) and to their flows' totals (the
// run counts of the Events rows, the connection page and the admin view), summed per flow
// first: one upsert per flow and minute, and one per flow. The same statement queues the
// runs' destination messages (the outbox, lib/destinations): nothing for a flow without
// destinations.
const FINISH_RUNS = {
  name: 'finish-runs',
  text: `
    WITH input AS (
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::text[], $9::text[],
        $10::int[], $11::int[], $12::int[], $13::int[])
        AS t(id, status, output, error, duration_ms, retry_ms, attempt, outcome, attempt_error, succeeded, failed, dead, bucket)
    ),
    finished AS (
      UPDATE "AlgorithmRun" r SET
        "status" = i.status::"RunStatus",
        "output" = i.output::jsonb,
        "error" = i.error,
        "durationMs" = i.duration_ms,
        "finishedAt" = CASE WHEN i.retry_ms IS NULL THEN now() AT TIME ZONE 'UTC' END,
        "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => i.retry_ms / 1000.0),
        "executorId" = NULL,
        "attemptLog" = r."attemptLog" || jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
          'attempt', i.attempt, 'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'outcome', i.outcome, 'error', i.attempt_error, 'durationMs', i.duration_ms)))
      FROM input i
      WHERE r."id" = i.id AND r."attempt" = i.attempt AND (r."status" = 'RUNNING' OR (i.status = 'SUCCEEDED' AND r."status" = 'QUEUED'))
      RETURNING r."id", r."eventFlowId", i.succeeded, i.failed, i.dead, i.bucket, r."algorithmId", r."versionId", r."deletedVersion",
        r."status", r."input", r."output", r."error", r."attempt", r."sqsMessageId", r."messageGroupId", r."sequenceNumber", r."finishedAt"
    ),
    per_flow AS (
      SELECT f."eventFlowId", sum(f.succeeded)::int AS succeeded, sum(f.failed)::int AS failed, sum(f.dead)::int AS dead,
        (SELECT array_agg((SELECT count(*)::int FROM finished b WHERE b."eventFlowId" = f."eventFlowId" AND b.bucket = n) ORDER BY n)
          FROM generate_series(1, $14::int) AS n) AS buckets
      FROM finished f WHERE f."eventFlowId" IS NOT NULL AND f.bucket IS NOT NULL
      GROUP BY f."eventFlowId"
    ),
    rollup AS (
      INSERT INTO "FlowMetricMinute" AS m ("eventFlowId", "minute", "runsSucceeded", "runsFailed", "runsDead", "durationBuckets")
      SELECT p."eventFlowId", date_trunc('minute', now() AT TIME ZONE 'UTC'), p.succeeded, p.failed, p.dead, p.buckets
      FROM per_flow p ORDER BY p."eventFlowId" -- one lock order, so concurrent batches do not deadlock
      ON CONFLICT ("eventFlowId", "minute") DO UPDATE SET
        "runsSucceeded" = m."runsSucceeded" + EXCLUDED."runsSucceeded",
        "runsFailed" = m."runsFailed" + EXCLUDED."runsFailed",
        "runsDead" = m."runsDead" + EXCLUDED."runsDead",
        "durationBuckets" = (SELECT array_agg(COALESCE(m."durationBuckets"[i], 0) + EXCLUDED."durationBuckets"[i] ORDER BY i)
          FROM generate_series(1, $14::int) AS i)
    ),
    totals AS (
      INSERT INTO "FlowRunTotals" AS t ("eventFlowId", "succeeded", "failed")
      SELECT p."eventFlowId", p.succeeded, p.failed
      FROM per_flow p WHERE p.succeeded + p.failed > 0 ORDER BY p."eventFlowId"
      ON CONFLICT ("eventFlowId") DO UPDATE SET
        "succeeded" = t."succeeded" + EXCLUDED."succeeded",
        "failed" = t."failed" + EXCLUDED."failed"
    ),${queueDestinationMessagesSql('finished')}
    SELECT "id" FROM finished, destinations_notified`,
};

// More outcomes than this wait for the next batch (bounded statement size).
const MAX_BATCH = 500;

/** One outcome: the statement's columns. */
type FinishRow = [string, string, string | null, string | null, number, number | null, number, string, string | null, number, number, number, number | null];

const finishers = new WeakMap<Db, (row: FinishRow) => Promise<boolean>>();

// PostgreSQL's text refuses \u0000, which an error message (an algorithm's own words) may
// hold: shown as U+FFFD, or the whole batch's write would fail.
const storableText = (text: string) => text.replaceAll('\u0000', '\uFFFD');

/**
 * Records how an attempt ended: SUCCEEDED, FAILED, TIMED_OUT, DEAD, or QUEUED again for
 * a retry after its backoff; every ended attempt is added to the run's attempt log.
 * Only the attempt that was claimed is finished (when its executor's lease lapsed the
 * run was re-queued and may run again). A success still counts for a run that was
 * re-queued but not claimed again: the endpoint said so.
 * Returns the run's new state, or null when this attempt was no longer its to finish.
 */
export async function finishRun(db: Db, run: FinishingRun, outcome: RunOutcome, next: NextRunState, durationMs: number): Promise<NextRunState | null> {
  const rollup = runRollupOf(next.status, durationMs);
  const row: FinishRow = [
    run.id,
    next.status,
    outcome.status === 'SUCCEEDED' ? JSON.stringify(outcome.output ?? null) : null,
    next.status === 'SUCCEEDED' ? null : storableText(next.error),
    durationMs,
    next.status === 'QUEUED' ? next.retryInMs : null,
    run.attempt,
    outcome.status,
    outcome.status === 'SUCCEEDED' ? null : storableText(outcome.error),
    rollup?.succeeded ?? 0,
    rollup?.failed ?? 0,
    rollup?.dead ?? 0,
    rollup?.bucket ?? null,
  ];
  let finish = finishers.get(db);
  if (!finish) finishers.set(db, (finish = batchWhileBusy((rows) => writeFinishes(db, rows), MAX_BATCH)));
  return (await finish(row)) ? next : null;
}

/** One batch's statement; for each row, whether it was this attempt's to finish. */
async function writeFinishes(db: Db, rows: FinishRow[]): Promise<boolean[]> {
  const columns = rows[0]!.map((_, column) => rows.map((row) => row[column]));
  const { rows: finished } = await genericPlanPool(db).query<{ id: string }>({ ...FINISH_RUNS, values: [...columns, DURATION_BUCKETS] });
  const finishedIds = new Set(finished.map((row) => row.id));
  return rows.map((row) => finishedIds.has(row[0]));
}
