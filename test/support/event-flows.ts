import type { Db } from '@/lib/db/client';
import { flowQueueOf } from '@/lib/flows/flow-role';
import { createAlgorithm, createUser } from './factories';

/**
 * An event flow row, as the web app creates it, with what the platform assumes its role
 * with: the owner's external ID (or a legacy one, for a flow from before they were the
 * platform's) and the owner's username.
 */
export async function createEventFlow(
  db: Db,
  options: {
    algorithmId: string;
    creatorId: string;
    queueUrl: string;
    roleArn?: string;
    /** A user-chosen ID of a flow made before the platform generated them. */
    legacyExternalId?: string;
    /** When the role was seen to require the external ID (null: an old flow, shown with a warning). */
    trustCheckedAt?: Date;
    version?: string;
    enabled?: boolean;
    kind?: 'BROKER' | 'LISTENER';
    timeoutSeconds?: number;
    maxConcurrency?: number;
    maxAttempts?: number;
  },
) {
  const flow = await db.eventFlow.create({
    data: {
      kind: options.kind ?? 'BROKER',
      algorithmId: options.algorithmId,
      creatorId: options.creatorId,
      queueUrl: options.queueUrl,
      roleArn: options.roleArn ?? 'arn:aws:iam::123456789012:role/event-flows-consumer',
      legacyExternalId: options.legacyExternalId,
      trustCheckedAt: options.trustCheckedAt,
      version: options.version,
      enabled: options.enabled ?? true,
      timeoutSeconds: options.timeoutSeconds,
      maxConcurrency: options.maxConcurrency,
      maxAttempts: options.maxAttempts,
    },
    include: { algorithm: { select: { owner: { select: { username: true, externalId: true } } } } },
  });
  return { ...flow, ...flowQueueOf(flow) };
}

/** A new user with a new algorithm connected to `queueUrl` (paused with `enabled: false`: a queue feeds one enabled flow). */
export async function createOwnedFlow(db: Db, queueUrl: string, kind: 'BROKER' | 'LISTENER' = 'BROKER', { enabled = true } = {}) {
  const owner = await createUser(db);
  const algorithm = await createAlgorithm(db, owner.id);
  return { owner, algorithm, flow: await createEventFlow(db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl, kind, enabled }) };
}
