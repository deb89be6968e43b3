import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import type { EventFlowKind } from '@/lib/generated/prisma/client';
import { countDeadRunsOfFlows } from './count-flow-runs';
import { FLOW_VIEW_INCLUDE, flowViewSchema, toFlowView } from './flow-view';

/** A row of the Events or Listeners tab. */
export const flowListItemSchema = flowViewSchema.extend({
  deadRuns: z.number().int().describe('Its runs that are DEAD or EXPIRED (replayable).'),
}).meta({ id: 'FlowListItem' });

export type FlowListItem = z.infer<typeof flowListItemSchema>;

/** One algorithm's broker connections or event listeners, newest first. Check ownership first. */
export async function listFlows(db: Db, algorithmId: string, kind: EventFlowKind): Promise<FlowListItem[]> {
  const flows = await db.eventFlow.findMany({
    where: { algorithmId, kind },
    orderBy: { createdAt: 'desc' },
    include: FLOW_VIEW_INCLUDE,
  });
  const deadRuns = await countDeadRunsOfFlows(db, flows.map((flow) => flow.id));
  return flows.map((flow) => ({ ...toFlowView(flow), deadRuns: deadRuns.get(flow.id) ?? 0 }));
}
