import type { QueueAccess } from '@/lib/sqs/queue-access';
import type { Db } from '@/lib/db/client';
import { notifyFlowsChanged } from '@/lib/flows/notify-flows-changed';
import { checkQueueConnection, type ConnectionCheck, type ConnectionToCheck } from './check-queue-connection';
import { takeRoleCheck } from './take-role-check';

/**
 * Test connection of a saved flow, always with the owner's platform-generated external ID
 * (never a legacy one), taking one of the caller's role checks. Once its role passes,
 * outside local mode, the flow stops using any legacy ID and its warning goes.
 */
export async function testSavedConnection(
  db: Db,
  caller: { id: string },
  flow: ConnectionToCheck & { id: string },
  ownerExternalId: string,
  access: QueueAccess,
): Promise<ConnectionCheck> {
  await takeRoleCheck(db, caller.id, access);
  const check = await checkQueueConnection({ ...flow, externalId: ownerExternalId }, access);
  if (check.ok && !access.local) {
    await db.$transaction(async (tx) => {
      await tx.eventFlow.update({ where: { id: flow.id }, data: { trustCheckedAt: new Date(), legacyExternalId: null } });
      // The worker's consumer switches to the owner's ID within seconds.
      await notifyFlowsChanged(tx, flow.id);
    });
  }
  return check;
}
