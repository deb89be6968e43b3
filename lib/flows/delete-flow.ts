import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { notifyFlowsChanged } from './notify-flows-changed';

/** Removes a flow of an algorithm `userId` owns; the queue and its messages are untouched. */
export async function deleteFlow(db: Db, userId: string, flowId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.eventFlow.deleteMany({ where: { id: flowId, algorithm: { ownerId: userId } } });
    if (count === 0) throw new AppError('NOT_FOUND', 'No such event flow');
    await notifyFlowsChanged(tx, flowId);
  });
}
