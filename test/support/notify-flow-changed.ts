import type { Db } from '@/lib/db/client';
import { FLOW_CHANGES_CHANNEL } from '@/worker/sql/release-lease';

/** What the web app runs after it creates, pauses, resumes or deletes a flow. */
export async function notifyFlowChanged(db: Db, flowId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${FLOW_CHANGES_CHANNEL}, ${flowId})`;
}
