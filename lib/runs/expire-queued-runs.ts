import type { Db } from '@/lib/db/client';
import { ENDED_RUN_COLUMNS, queueDestinationMessagesSql } from '@/lib/destinations/queue-destination-messages';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * Runs queued for longer than the expiry become EXPIRED, so work nobody will do holds no
 * place in the backlog. The clock starts when a run last entered the queue (`queuedAt`),
 * so a replayed old run is not expired at once. An expired run is a failure that never ran:
 * its flow's on-failure destination is told.
 */
export async function expireQueuedRuns(db: Db, expiryHours: number): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    WITH expired AS (
    UPDATE "AlgorithmRun" SET "status" = 'EXPIRED', "finishedAt" = now() AT TIME ZONE 'UTC', "nextAttemptAt" = NULL,
      "error" = ${`Expired: it waited in the queue for more than ${expiryHours} hours without running`}
    WHERE "status" = 'QUEUED' AND "queuedAt" < (now() AT TIME ZONE 'UTC') - make_interval(hours => ${expiryHours}::int)
    RETURNING ${Prisma.raw(ENDED_RUN_COLUMNS)}
    ),${Prisma.raw(queueDestinationMessagesSql('expired'))}
    SELECT "id" FROM expired, destinations_notified`;
  return rows.map((row) => row.id);
}
