import type { Db } from '@/lib/db/client';

/** The channel the web app notifies on after it changes a flow (payload: the flow id). */
export const FLOW_CHANGES_CHANNEL = 'event_flows_changed';

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
  if (released[0]?.enabled) await db.$executeRaw`SELECT pg_notify(${FLOW_CHANGES_CHANNEL}, ${flowId})`;
}
