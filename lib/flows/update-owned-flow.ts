import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { FLOW_VIEW_INCLUDE, toFlowView, type FlowView } from './flow-view';
import { notifyFlowsChanged } from './notify-flows-changed';

/** Changes a flow of an algorithm `userId` owns and tells the worker; NOT_FOUND for anyone else. */
export async function updateOwnedFlow(db: Db, userId: string, flowId: string, data: Prisma.EventFlowUpdateManyMutationInput): Promise<FlowView> {
  const flow = await db.$transaction(async (tx) => {
    const { count } = await tx.eventFlow.updateMany({ where: { id: flowId, algorithm: { ownerId: userId } }, data });
    if (count === 0) throw new AppError('NOT_FOUND', 'No such event flow');
    await notifyFlowsChanged(tx, flowId);
    return tx.eventFlow.findUniqueOrThrow({ where: { id: flowId }, include: FLOW_VIEW_INCLUDE });
  });
  return toFlowView(flow);
}
