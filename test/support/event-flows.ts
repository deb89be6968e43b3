import type { Db } from '@/lib/db/client';
import { FLOW_CHANGES_CHANNEL } from '@/worker/sql/release-lease';

/** An event flow row, as the web app creates it (then announces it with notifyFlowChanged). */
export async function createEventFlow(
  db: Db,
  options: {
    algorithmId: string;
    creatorId: string;
    queueUrl: string;
    roleArn?: string;
    externalId?: string;
    version?: string;
    enabled?: boolean;
    kind?: 'BROKER' | 'LISTENER';
  },
) {
  return db.eventFlow.create({
    data: {
      kind: options.kind ?? 'BROKER',
      algorithmId: options.algorithmId,
      creatorId: options.creatorId,
      queueUrl: options.queueUrl,
      roleArn: options.roleArn ?? 'arn:aws:iam::123456789012:role/event-flows-consumer',
      externalId: options.externalId,
      version: options.version,
      enabled: options.enabled ?? true,
    },
  });
}

/** What the web app runs after it creates, pauses, resumes or deletes a flow. */
export async function notifyFlowChanged(db: Db, flowId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${FLOW_CHANGES_CHANNEL}, ${flowId})`;
}
