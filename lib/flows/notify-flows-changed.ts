import type { Prisma } from '@/lib/generated/prisma/client';

// The worker LISTENs on this channel, so a created, paused, resumed or deleted flow
// takes effect within seconds instead of at its next periodic reconcile.
export const FLOWS_CHANGED_CHANNEL = 'event_flows_changed';

/** Inside a transaction, Postgres delivers the notification only if it commits. */
export async function notifyFlowsChanged(db: Prisma.TransactionClient, flowId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${FLOWS_CHANGED_CHANNEL}, ${flowId})`;
}
