import type { Db } from '@/lib/db/client';

/**
 * Runs queued for longer than the expiry become EXPIRED, so work nobody will do holds no
 * place in the backlog. The clock starts when a run last entered the queue (`queuedAt`),
 * so a replayed old run is not expired at once.
 */
export async function expireQueuedRuns(db: Db, expiryHours: number): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "AlgorithmRun" SET "status" = 'EXPIRED', "finishedAt" = now() AT TIME ZONE 'UTC', "nextAttemptAt" = NULL,
      "error" = ${`Expired: it waited in the queue for more than ${expiryHours} hours without running`}
    WHERE "status" = 'QUEUED' AND "queuedAt" < (now() AT TIME ZONE 'UTC') - make_interval(hours => ${expiryHours}::int)
    RETURNING "id"`;
  return rows.map((row) => row.id);
}
