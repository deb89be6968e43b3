import type { Db } from '@/lib/db/client';

/**
 * Forgets at most `batchSize` messages of deleted runs whose redelivery window has passed
 * (no queue can deliver them again); returns how many. SKIP LOCKED: sweeps of several
 * workers take different rows.
 */
export async function pruneDeletedRunMessages(db: Db, batchSize: number): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "DeletedRunMessage" m USING (
      SELECT "eventFlowId", "sqsMessageId" FROM "DeletedRunMessage"
      WHERE "expiresAt" < now() AT TIME ZONE 'UTC' LIMIT ${batchSize}::int FOR UPDATE SKIP LOCKED
    ) old
    WHERE m."eventFlowId" = old."eventFlowId" AND m."sqsMessageId" = old."sqsMessageId"`;
}
