import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { logger } from '@/lib/logger';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { DEAD_RUN_STATUSES } from './dead-run-statuses';
import { RUNS_QUEUED_CHANNEL } from './run-channels';

/** Which dead runs to replay: one run, or every dead run of one connection. */
export type DeadRunSelection = { runId: string } | { flowId: string };

/**
 * Replay: the DEAD or EXPIRED runs selected, of algorithms `userId` owns, go back to the
 * queue as a new attempt of the same run (same id, so `X-Run-Id` stays the algorithm's
 * idempotency key). Each gets a fresh retry budget (its connection's max attempts, else
 * the platform default) on top of the attempts it used, its error cleared, and its
 * expiry clock restarted (`queuedAt`); the replay is kept in its attempt log with who
 * asked. The NOTIFY (sent on commit) has an executor claim them at once.
 *
 * A run or connection that is not the caller's is NOT_FOUND; a single run that is not
 * dead, or whose version was deleted (nothing to run it with), is CONFLICT.
 * Replayed runs do not pass admission: they were admitted once already.
 */
export async function requeueDeadRuns(db: Db, userId: string, selection: DeadRunSelection): Promise<string[]> {
  if ('flowId' in selection && !(await db.eventFlow.findFirst({ where: { id: selection.flowId, algorithm: { ownerId: userId } }, select: { id: true } }))) {
    throw new AppError('NOT_FOUND', 'No such event flow');
  }
  const { defaultMaxAttempts } = await getPlatformSettings(db);
  const target = 'runId' in selection ? Prisma.sql`r."id" = ${selection.runId}` : Prisma.sql`r."eventFlowId" = ${selection.flowId}`;
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    WITH replayed AS (
      UPDATE "AlgorithmRun" r SET
        "status" = 'QUEUED',
        "error" = NULL,
        "output" = NULL,
        "finishedAt" = NULL,
        "executorId" = NULL,
        "nextAttemptAt" = now() AT TIME ZONE 'UTC',
        "queuedAt" = now() AT TIME ZONE 'UTC',
        "maxAttempts" = r."attempt" + COALESCE((SELECT f."maxAttempts" FROM "EventFlow" f WHERE f."id" = r."eventFlowId"), ${defaultMaxAttempts}::int),
        "attemptLog" = r."attemptLog" || jsonb_build_array(jsonb_build_object(
          'attempt', r."attempt", 'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'outcome', 'REPLAYED', 'by', ${userId}::text))
      WHERE ${target} AND r."status"::text IN (${Prisma.join(DEAD_RUN_STATUSES)}) AND r."versionId" IS NOT NULL
        AND r."algorithmId" IN (SELECT a."id" FROM "Algorithm" a WHERE a."ownerId" = ${userId})
      RETURNING r."id"
    )
    SELECT "id", (SELECT 1 FROM pg_notify(${RUNS_QUEUED_CHANNEL}, '')) AS notified FROM replayed`;
  const runIds = rows.map((row) => row.id);
  if ('runId' in selection && runIds.length === 0) await explainNothingReplayed(db, userId, selection.runId);
  logger.info({ userId, ...selection, replayed: runIds.length }, 'dead runs replayed');
  return runIds;
}

async function explainNothingReplayed(db: Db, userId: string, runId: string): Promise<never> {
  const run = await db.algorithmRun.findFirst({ where: { id: runId, algorithm: { ownerId: userId } }, select: { status: true, versionId: true, deletedVersion: true } });
  if (!run) throw new AppError('NOT_FOUND', 'No such run');
  if (run.versionId === null) throw new AppError('CONFLICT', `Version ${run.deletedVersion ?? ''} of this run was deleted: it cannot run again`);
  throw new AppError('CONFLICT', `Only a dead or expired run can be replayed; this one is ${run.status.toLowerCase()}`);
}
