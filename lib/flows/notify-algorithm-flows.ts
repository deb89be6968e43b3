import type { Prisma } from '@/lib/generated/prisma/client';
import { FLOWS_CHANGED_CHANNEL } from './notify-flows-changed';

/**
 * Inside a transaction that changed what an algorithm's flows can run (a version published
 * or deleted): one NOTIFY per enabled flow, on commit, so the worker reads at once whether
 * each can run (a flow left without a version shows why; one waiting for a version resumes).
 */
export async function notifyAlgorithmFlows(db: Prisma.TransactionClient, algorithmId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${FLOWS_CHANGED_CHANNEL}, f."id") FROM "EventFlow" f WHERE f."algorithmId" = ${algorithmId} AND f."enabled"`;
}
