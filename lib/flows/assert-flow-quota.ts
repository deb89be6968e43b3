import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';

/**
 * Inside the transaction that creates a flow: refuses when its creator already has as
 * many flows as a user may. The creator's creations take turns on a lock of their own,
 * so two at once cannot both take the last place.
 */
export async function assertFlowQuota(tx: Prisma.TransactionClient, creatorId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`flow-quota:${creatorId}`}, 0))`;
  const [limit, count] = await Promise.all([getPlatformSettings(tx).then((settings) => settings.userFlowLimit), tx.eventFlow.count({ where: { creatorId } })]);
  if (count >= limit) {
    throw new AppError('FORBIDDEN', `You already have ${count.toLocaleString('en')} event flows, the most one user may have. Delete one you no longer use, or ask an admin to raise the limit.`);
  }
}
