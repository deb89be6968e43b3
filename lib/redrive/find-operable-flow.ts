import type { SessionUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { flowQueueOf } from '@/lib/flows/flow-role';

/**
 * What a caller wants with a flow. `read`: look at it and its queues (counts, messages,
 * metrics, a peek at its DLQ, Test connection, which only reads the queue's attributes):
 * its algorithm's owner or an admin. `act`: change what is in its queues with its role
 * (send a test message, redrive): its owner only, since an admin acting with a tenant's
 * role would act in the tenant's AWS account (docs/security.md, "Tenants").
 */
export type FlowIntent = 'read' | 'act';

/**
 * A flow the user may read or act on; anyone else gets 404. It carries its owner's
 * external ID and username, with which every AssumeRole for it is made (an admin reads
 * with the owner's ID, never their own).
 */
export async function findOperableFlow(db: Db, user: Pick<SessionUser, 'id' | 'isAdmin'>, flowId: string, intent: FlowIntent) {
  const flow = await db.eventFlow.findUnique({
    where: { id: flowId },
    include: { algorithm: { select: { ownerId: true, owner: { select: { username: true, externalId: true } } } } },
  });
  const allowed = flow && (flow.algorithm.ownerId === user.id || (intent === 'read' && user.isAdmin));
  if (!allowed) throw new AppError('NOT_FOUND', 'No such event flow');
  return { ...flow, ...flowQueueOf(flow) };
}
