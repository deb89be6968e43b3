import type { Db } from '@/lib/db/client';
import { notifyFlowsChanged } from '@/lib/flows/notify-flows-changed';

/**
 * Gives up this worker's lease once the flow's consumer has stopped. A disabled flow is
 * marked PAUSED; an enabled one is announced so another worker takes it at once.
 */
export async function releaseLease(db: Db, flowId: string, workerId: string): Promise<void> {
  const released = await db.$queryRaw<Array<{ enabled: boolean }>>`
    UPDATE "EventFlow"
    SET "leaseOwner" = NULL,
        "leaseExpiresAt" = NULL,
        "status" = CASE WHEN "enabled" THEN "status" ELSE 'PAUSED'::"EventFlowStatus" END,
        "lastError" = CASE WHEN "enabled" THEN "lastError" ELSE NULL END
    WHERE "id" = ${flowId} AND "leaseOwner" = ${workerId}
    RETURNING "enabled"`;
  if (released[0]?.enabled) await notifyFlowsChanged(db, flowId);
}
