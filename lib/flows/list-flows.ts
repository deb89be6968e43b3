import type { Db } from '@/lib/db/client';
import type { EventFlowKind } from '@/lib/generated/prisma/client';
import { FLOW_VIEW_INCLUDE, toFlowView, type FlowView } from './flow-view';

/** One algorithm's broker connections or event listeners, newest first. Check ownership first. */
export async function listFlows(db: Db, algorithmId: string, kind: EventFlowKind): Promise<FlowView[]> {
  const flows = await db.eventFlow.findMany({
    where: { algorithmId, kind },
    orderBy: { createdAt: 'desc' },
    include: FLOW_VIEW_INCLUDE,
  });
  return flows.map((flow) => toFlowView(flow));
}
