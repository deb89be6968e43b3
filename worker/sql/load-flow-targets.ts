import type { Db } from '@/lib/db/client';
import type { FlowQueue } from '@/lib/sqs/sqs-client-for-flow';

/** What a consumer needs: the queue and the role. (The platform resolves the algorithm per call.) */
export type FlowTarget = FlowQueue;

export async function loadFlowTargets(db: Db, flowIds: string[]): Promise<FlowTarget[]> {
  if (flowIds.length === 0) return [];
  return db.eventFlow.findMany({
    where: { id: { in: flowIds } },
    select: { id: true, queueUrl: true, roleArn: true, externalId: true },
  });
}
