import type { Db } from '@/lib/db/client';
import type { RunStatus } from '@/lib/generated/prisma/client';
import { DURATION_BUCKETS, durationBucketOf } from './duration-buckets';

const OUTCOME_COLUMN: Partial<Record<RunStatus, 'runsSucceeded' | 'runsFailed' | 'runsDead'>> = {
  SUCCEEDED: 'runsSucceeded',
  FAILED: 'runsFailed',
  TIMED_OUT: 'runsFailed',
  DEAD: 'runsDead',
};

/**
 * Counts a run that ended in its flow's rollup of the current minute (the connection
 * page's run charts): its outcome and its duration's bucket. Runs of no flow, and
 * statuses that are not an end (QUEUED, RUNNING, EXPIRED), change nothing.
 */
export async function addRunRollups(db: Db, runId: string, status: RunStatus, durationMs: number | null): Promise<void> {
  const column = OUTCOME_COLUMN[status];
  if (!column) return;
  const [succeeded, failed, dead] = [column === 'runsSucceeded' ? 1 : 0, column === 'runsFailed' ? 1 : 0, column === 'runsDead' ? 1 : 0];
  const buckets = Array<number>(DURATION_BUCKETS).fill(0);
  // Postgres arrays are 1-based.
  const bucket = durationMs === null ? null : durationBucketOf(durationMs) + 1;
  if (bucket !== null) buckets[bucket - 1] = 1;
  await db.$executeRaw`
    INSERT INTO "FlowMetricMinute" AS m ("eventFlowId", "minute", "runsSucceeded", "runsFailed", "runsDead", "durationBuckets")
    SELECT r."eventFlowId", date_trunc('minute', now() AT TIME ZONE 'UTC'), ${succeeded}, ${failed}, ${dead}, ${bucket === null ? [] : buckets}::int[]
    FROM "AlgorithmRun" r JOIN "EventFlow" f ON f."id" = r."eventFlowId"
    WHERE r."id" = ${runId}
    ON CONFLICT ("eventFlowId", "minute") DO UPDATE
    SET "runsSucceeded" = m."runsSucceeded" + EXCLUDED."runsSucceeded",
        "runsFailed" = m."runsFailed" + EXCLUDED."runsFailed",
        "runsDead" = m."runsDead" + EXCLUDED."runsDead",
        "durationBuckets" = CASE WHEN ${bucket}::int IS NULL THEN m."durationBuckets"
          ELSE (SELECT array_agg(COALESCE(m."durationBuckets"[i], 0) + (CASE WHEN i = ${bucket}::int THEN 1 ELSE 0 END) ORDER BY i)
                FROM generate_series(1, ${DURATION_BUCKETS}::int) AS i) END`;
}
