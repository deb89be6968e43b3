import type { Db } from '@/lib/db/client';
import { DEAD_RUN_STATUSES } from '@/lib/runs/dead-run-statuses';

/** Dead runs (DEAD or EXPIRED) per flow, for a page of flows in one grouped query; flows without any are absent. */
export async function countDeadRunsOfFlows(db: Db, flowIds: string[]): Promise<Map<string, number>> {
  if (flowIds.length === 0) return new Map();
  const groups = await db.algorithmRun.groupBy({
    by: ['eventFlowId'],
    where: { eventFlowId: { in: flowIds }, status: { in: [...DEAD_RUN_STATUSES] } },
    _count: { _all: true },
  });
  return new Map(groups.flatMap((group) => (group.eventFlowId ? [[group.eventFlowId, group._count._all] as const] : [])));
}
