import type { Db } from '@/lib/db/client';
import { FLOW_ROLE_SELECT, flowQueueOf } from '@/lib/flows/flow-role';
import type { FlowQueue } from '@/lib/sqs/sqs-client-for-flow';

/** What a consumer needs: the queue, the role and its owner's external ID. (The platform resolves the algorithm per call.) */
export type FlowTarget = FlowQueue;

export async function loadFlowTargets(db: Db, flowIds: string[]): Promise<FlowTarget[]> {
  if (flowIds.length === 0) return [];
  const flows = await db.eventFlow.findMany({ where: { id: { in: flowIds } }, select: FLOW_ROLE_SELECT });
  return flows.map(flowQueueOf);
}
