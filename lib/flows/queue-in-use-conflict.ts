import { formatAlgorithmPath } from '@/lib/algorithms/algorithm-path';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';

const WHY = 'SQS hands each message to one consumer only, so a second connection would take messages from the first.';
const FAN_OUT = 'To run several algorithms on each message, publish to an Amazon SNS topic and subscribe one queue per algorithm.';

/**
 * The 409 for a queue that already feeds another enabled connection or listener (one queue,
 * one enabled connection: the partial unique index on EventFlow.queueUrl), or null when none
 * does. Ask only once the caller's role has been seen to reach the queue (outside local
 * mode). The other connection is named only to its own owner: another user learns that the
 * queue is taken, not by whom.
 */
export async function queueInUseConflict(
  db: Db | Prisma.TransactionClient,
  { queueUrl, userId, exceptFlowId }: { queueUrl: string; userId: string; exceptFlowId?: string },
): Promise<AppError | null> {
  const other = await db.eventFlow.findFirst({
    where: { queueUrl, enabled: true, id: exceptFlowId ? { not: exceptFlowId } : undefined },
    select: { kind: true, version: true, algorithm: { select: { ownerId: true, name: true, owner: { select: { username: true } } } } },
  });
  if (!other) return null;
  const { algorithm } = other;
  const message =
    algorithm.ownerId === userId
      ? `This queue already feeds ${formatAlgorithmPath({ owner: algorithm.owner.username, name: algorithm.name, version: other.version ?? undefined })} (${other.kind === 'BROKER' ? 'a broker connection' : 'an event listener'}). ${WHY} ${FAN_OUT} Or pause that one first.`
      : `This queue already feeds an enabled connection. ${WHY} ${FAN_OUT}`;
  return new AppError('CONFLICT', message, { queueUrl: message });
}
