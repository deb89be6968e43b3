import type { Db } from '@/lib/db/client';

// A live process ends every run at its timeout, so a run still RUNNING well past it was
// left by a process that died. It is failed, not re-queued: its endpoint may already have
// been called, and the executor never runs anything twice.
export const STUCK_RUN_GRACE_SECONDS = 60;
export const INTERRUPTED_RUN_ERROR = 'Interrupted: the process running it stopped before it finished; it was not retried';

/** Fails the RUNNING runs older than their timeout plus the grace; returns their ids. */
export async function recoverStuckRuns(db: Db, graceSeconds = STUCK_RUN_GRACE_SECONDS): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "AlgorithmRun" SET "status" = 'FAILED', "error" = ${INTERRUPTED_RUN_ERROR}, "finishedAt" = now() AT TIME ZONE 'UTC'
    WHERE "status" = 'RUNNING'
      AND "startedAt" < now() AT TIME ZONE 'UTC' - make_interval(secs => "timeoutSeconds" + ${graceSeconds}::int)
    RETURNING "id"`;
  return rows.map((row) => row.id);
}
