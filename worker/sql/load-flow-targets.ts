import type { Db } from '@/lib/db/client';
import type { FlowQueue } from '@/lib/sqs/sqs-client-for-flow';

/** What a consumer needs: the queue, the role, and the algorithm to run. */
export interface FlowTarget extends FlowQueue {
  algorithmOwner: string;
  algorithmName: string;
  /** null runs the latest published version. */
  version: string | null;
}

export async function loadFlowTargets(db: Db, flowIds: string[]): Promise<FlowTarget[]> {
  if (flowIds.length === 0) return [];
  const flows = await db.eventFlow.findMany({
    where: { id: { in: flowIds } },
    select: {
      id: true,
      queueUrl: true,
      roleArn: true,
      externalId: true,
      version: true,
      algorithm: { select: { name: true, owner: { select: { username: true } } } },
    },
  });
  return flows.map(({ algorithm, ...flow }) => ({
    ...flow,
    algorithmOwner: algorithm.owner.username,
    algorithmName: algorithm.name,
  }));
}
