import type { Db } from '@/lib/db/client';
import { ENDED_RUN_COLUMNS, queueDestinationMessagesSql } from '@/lib/destinations/queue-destination-messages';
import { Prisma } from '@/lib/generated/prisma/client';

export const LAPSED_EXECUTOR_ERROR = 'The worker process running it stopped before it finished';

/**
 * Runs whose executor's heartbeat (its WorkerProcess row) has lapsed for longer than a
 * lease go back to the queue for their next attempt, or are DEAD when that was their
 * last. Their endpoint may have been called: the run id and attempt it was given let
 * an idempotent algorithm tell. A DEAD one tells its flow's on-failure destination.
 */
export async function requeueLapsedRuns(db: Db, leaseMs: number): Promise<Array<{ id: string; status: string }>> {
  return db.$queryRaw<Array<{ id: string; status: string }>>`
    WITH lapsed AS (
    UPDATE "AlgorithmRun" r SET
      "status" = CASE WHEN r."attempt" < r."maxAttempts" THEN 'QUEUED' ELSE 'DEAD' END::"RunStatus",
      "error" = CASE WHEN r."attempt" < r."maxAttempts" THEN ${LAPSED_EXECUTOR_ERROR}
        ELSE 'Gave up after ' || r."attempt" || ' attempts: ' || ${LAPSED_EXECUTOR_ERROR} END,
      "finishedAt" = CASE WHEN r."attempt" < r."maxAttempts" THEN NULL ELSE now() AT TIME ZONE 'UTC' END,
      "executorId" = NULL,
      "attemptLog" = r."attemptLog" || jsonb_build_array(jsonb_build_object(
        'attempt', r."attempt", 'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'outcome', 'INTERRUPTED', 'error', ${LAPSED_EXECUTOR_ERROR}::text))
    WHERE r."status" = 'RUNNING' AND r."executorId" IS NOT NULL
      AND NOT EXISTS (
        SELECT 1 FROM "WorkerProcess" w
        WHERE w."id" = r."executorId" AND w."heartbeatAt" >= (now() AT TIME ZONE 'UTC') - make_interval(secs => ${leaseMs / 1000}::float8))
    RETURNING ${Prisma.raw(ENDED_RUN_COLUMNS)}
    ),${Prisma.raw(queueDestinationMessagesSql('lapsed'))}
    SELECT "id", "status"::text AS "status" FROM lapsed, destinations_notified`;
}
