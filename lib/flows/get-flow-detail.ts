import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { countDeadRunsOfFlows } from './count-flow-runs';
import { FLOW_VIEW_INCLUDE, flowViewSchema, toFlowView } from './flow-view';

/** A connection for its page. */
export const flowDetailSchema = z.object({
  flow: flowViewSchema,
  algorithm: z.object({ owner: z.string(), name: z.string(), versions: z.array(z.string()).describe('Published versions, newest first.') }),
  canEdit: z.boolean().describe('The caller owns the algorithm (admins who do not may read, not change).'),
  deadRuns: z.number().int().describe('Its runs that are DEAD or EXPIRED (replayable by the owner).'),
}).meta({ id: 'FlowDetail' });

export type FlowDetail = z.infer<typeof flowDetailSchema>;

/** A flow for its connection page: its algorithm's owner or an admin may read; anyone else NOT_FOUND. */
export async function getFlowDetail(db: Db, user: Pick<SessionUser, 'id' | 'isAdmin'>, flowId: string): Promise<FlowDetail> {
  const row = await db.eventFlow.findUnique({
    where: { id: flowId },
    include: { ...FLOW_VIEW_INCLUDE, algorithm: { select: { ...FLOW_VIEW_INCLUDE.algorithm.select, ownerId: true, versions: { select: { version: true }, orderBy: { createdAt: 'desc' } } } } },
  });
  if (!row || (!user.isAdmin && row.algorithm.ownerId !== user.id)) throw new AppError('NOT_FOUND', 'No such event flow');
  return {
    flow: toFlowView(row),
    algorithm: { owner: row.algorithm.owner.username, name: row.algorithm.name, versions: row.algorithm.versions.map((v) => v.version) },
    canEdit: row.algorithm.ownerId === user.id,
    deadRuns: (await countDeadRunsOfFlows(db, [row.id])).get(row.id) ?? 0,
  };
}
