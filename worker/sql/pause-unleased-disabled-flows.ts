import type { Db } from '@/lib/db/client';

/**
 * Marks PAUSED the disabled flows no live worker holds (the holder of a leased one
 * does it itself once its consumer has stopped).
 */
export async function pauseUnleasedDisabledFlows(db: Db): Promise<void> {
  await db.$executeRaw`
    UPDATE "EventFlow"
    SET "status" = 'PAUSED'::"EventFlowStatus", "lastError" = NULL
    WHERE NOT "enabled" AND "status" <> 'PAUSED'::"EventFlowStatus"
      AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < (now() AT TIME ZONE 'UTC'))`;
}
