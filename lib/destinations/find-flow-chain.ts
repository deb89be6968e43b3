import { z } from 'zod';
import { formatAlgorithmPath } from '@/lib/algorithms/algorithm-path';
import type { Db } from '@/lib/db/client';
import { connectionPath } from '@/lib/flows/connection-path';

const chainLinkSchema = z.object({
  flowId: z.string(),
  queueName: z.string(),
  algorithmPath: z.string().describe('owner/name of the other connection’s algorithm.'),
  connectionPath: z.string().describe('Its connection page.'),
});

/** The connections of the same owner this one feeds (its on-success queue is their source) and is fed by. */
export const flowChainSchema = z.object({
  feeds: z.array(chainLinkSchema).describe("Enabled connections whose queue is this one's on-success destination."),
  fedBy: z.array(chainLinkSchema).describe('Connections whose on-success destination is this one’s queue.'),
}).meta({ id: 'FlowChain' });

export type FlowChain = z.infer<typeof flowChainSchema>;

/**
 * The chain around a connection (this algorithm → queue → that algorithm), among the
 * connections of its owner only: another tenant's connection of a shared queue is never
 * shown (its owner, algorithm and page are theirs to know).
 */
export async function findFlowChain(db: Db, flow: { id: string; queueUrl: string; onSuccessQueueUrl: string | null; ownerId: string }): Promise<FlowChain> {
  const select = { id: true, kind: true, queueUrl: true, algorithm: { select: { name: true, owner: { select: { username: true } } } } } as const;
  const [feeds, fedBy] = await Promise.all([
    flow.onSuccessQueueUrl
      ? db.eventFlow.findMany({ where: { queueUrl: flow.onSuccessQueueUrl, enabled: true, algorithm: { ownerId: flow.ownerId } }, select, take: 5 })
      : [],
    db.eventFlow.findMany({ where: { onSuccessQueueUrl: flow.queueUrl, id: { not: flow.id }, algorithm: { ownerId: flow.ownerId } }, select, take: 5 }),
  ]);
  const link = (row: (typeof feeds)[number]) => {
    const owner = row.algorithm.owner.username;
    const name = row.algorithm.name;
    return {
      flowId: row.id,
      queueName: row.queueUrl.slice(row.queueUrl.lastIndexOf('/') + 1),
      algorithmPath: formatAlgorithmPath({ owner, name }),
      connectionPath: connectionPath({ owner, algorithmName: name, kind: row.kind, id: row.id }),
    };
  };
  return { feeds: feeds.map(link), fedBy: fedBy.map(link) };
}
