import type { Db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/is-unique-violation';
import type { FlowView } from './flow-view';
import { queueInUseConflict } from './queue-in-use-conflict';
import { updateOwnedFlow } from './update-owned-flow';

/**
 * The worker picks the flow up again; the last error belonged to the previous run. Refused
 * (409) while another enabled connection uses its queue: the unique index decides.
 */
export async function resumeFlow(db: Db, userId: string, flowId: string): Promise<FlowView> {
  try {
    return await updateOwnedFlow(db, userId, flowId, { enabled: true, status: 'STARTING', lastError: null });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const { queueUrl } = await db.eventFlow.findUniqueOrThrow({ where: { id: flowId }, select: { queueUrl: true } });
    throw (await queueInUseConflict(db, { queueUrl, userId, exceptFlowId: flowId })) ?? error;
  }
}
