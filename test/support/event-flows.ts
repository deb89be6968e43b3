import type { Db } from '@/lib/db/client';
import { createAlgorithm, createUser } from './factories';

/** An event flow row, as the web app creates it. */
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
    timeoutSeconds?: number;
    maxConcurrency?: number;
    maxAttempts?: number;
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
      timeoutSeconds: options.timeoutSeconds,
      maxConcurrency: options.maxConcurrency,
      maxAttempts: options.maxAttempts,
    },
  });
}

/** A new user with a new algorithm connected to `queueUrl`. */
export async function createOwnedFlow(db: Db, queueUrl: string, kind: 'BROKER' | 'LISTENER' = 'BROKER') {
  const owner = await createUser(db);
  const algorithm = await createAlgorithm(db, owner.id);
  return { owner, algorithm, flow: await createEventFlow(db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl, kind }) };
}
