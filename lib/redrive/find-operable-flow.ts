import type { SessionUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { flowQueueOf } from '@/lib/flows/flow-role';

/**
 * A flow the user may operate on (its algorithm's owner, or an admin); anyone else gets 404.
 * It carries its owner's external ID and username, with which every AssumeRole for it is made
 * (an admin acts with the owner's ID, never their own).
 */
export async function findOperableFlow(db: Db, user: Pick<SessionUser, 'id' | 'isAdmin'>, flowId: string) {
  const flow = await db.eventFlow.findUnique({
    where: { id: flowId },
    include: { algorithm: { select: { ownerId: true, owner: { select: { username: true, externalId: true } } } } },
  });
  if (!flow || (!user.isAdmin && flow.algorithm.ownerId !== user.id)) throw new AppError('NOT_FOUND', 'No such event flow');
  return { ...flow, ...flowQueueOf(flow) };
}
