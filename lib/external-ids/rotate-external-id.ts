import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { notifyFlowsChanged } from '@/lib/flows/notify-flows-changed';

/** A new ID in the migration's format: `ef-` and 128 random bits in hex. */
export function newExternalId(): string {
  return `ef-${randomBytes(16).toString('hex')}`;
}

/**
 * Gives the user a new external ID. Their flows use it at once (the worker restarts their
 * consumers), so each stops until its role's trust relationship names the new ID.
 */
export async function rotateExternalId(db: Db, userId: string): Promise<string> {
  const externalId = newExternalId();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { externalId } });
    const flows = await tx.eventFlow.findMany({ where: { algorithm: { ownerId: userId } }, select: { id: true } });
    for (const flow of flows) await notifyFlowsChanged(tx, flow.id);
  });
  return externalId;
}
