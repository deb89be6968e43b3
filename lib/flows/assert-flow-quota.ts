import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';

/**
 * Refuses when `creatorId` already has as many flows as a user may. A creation asks twice:
 * first before its role is checked with STS (a creation over the quota costs no STS call),
 * then inside the transaction that creates the flow with `lock`: the creator's creations
 * take turns on a lock of their own, so two at once cannot both take the last place.
 */
export async function assertFlowQuota(db: Prisma.TransactionClient, creatorId: string, { lock = false }: { lock?: boolean } = {}): Promise<void> {
  if (lock) await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`flow-quota:${creatorId}`}, 0))`;
  const [limit, count] = await Promise.all([getPlatformSettings(db).then((settings) => settings.userFlowLimit), db.eventFlow.count({ where: { creatorId } })]);
  if (count >= limit) {
    throw new AppError('FORBIDDEN', `You already have ${count.toLocaleString('en')} event flows, the most one user may have. Delete one you no longer use, or ask an admin to raise the limit.`);
  }
}
