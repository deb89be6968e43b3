import type { Db } from '@/lib/db/client';

// A synchronous run executes in the web process that answers its caller; a process
// that died leaves it RUNNING. Its caller already got an error, so it is failed, not
// re-run. (The executor's runs are re-queued instead: requeue-lapsed-runs.ts.)
export const STUCK_RUN_GRACE_SECONDS = 60;
export const INTERRUPTED_RUN_ERROR = 'Interrupted: the process running it stopped before it finished; it was not retried';

/** Fails the synchronous RUNNING runs older than their timeout plus the grace; returns their ids. */
export async function recoverStuckRuns(db: Db, graceSeconds = STUCK_RUN_GRACE_SECONDS): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "AlgorithmRun" SET "status" = 'FAILED', "error" = ${INTERRUPTED_RUN_ERROR}, "finishedAt" = now() AT TIME ZONE 'UTC'
    WHERE "status" = 'RUNNING' AND "executorId" IS NULL
      AND "startedAt" < now() AT TIME ZONE 'UTC' - make_interval(secs => "timeoutSeconds" + ${graceSeconds}::int)
    RETURNING "id"`;
  return rows.map((row) => row.id);
}
