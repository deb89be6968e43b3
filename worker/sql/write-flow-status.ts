import type { Db } from '@/lib/db/client';
import type { EventFlowStatus } from '@/lib/generated/prisma/client';

/** Sets a flow's status while this worker holds it and it is enabled (never over PAUSED). */
export async function writeFlowStatus(
  db: Db,
  change: { flowId: string; workerId: string; status: EventFlowStatus; lastError: string | null },
): Promise<void> {
  await db.$executeRaw`
    UPDATE "EventFlow"
    SET "status" = ${change.status}::"EventFlowStatus", "lastError" = ${change.lastError}
    WHERE "id" = ${change.flowId} AND "leaseOwner" = ${change.workerId} AND "enabled"`;
}
