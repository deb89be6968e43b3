import type { SQSClient } from '@aws-sdk/client-sqs';
import { env, isLocalSqs } from '@/lib/env';
import { sqsAccessFromEnv } from '@/lib/sqs/sqs-access-from-env';
import { sqsClientForFlow, type SqsAccess } from '@/lib/sqs/sqs-client-for-flow';

// The web app's way to a connection's queue (admin view, redrive, Test connection):
// the worker's SQS access, with its AssumeRole cache, acting as the connection's role.

export interface QueueFlow {
  queueUrl: string;
  roleArn: string;
  externalId: string | null;
}

export interface QueueAccess {
  /** A client acting as the flow's role; the caller destroys it when done. */
  clientFor(flow: QueueFlow): SQSClient;
  /** Local mode: the emulator, its credentials, no AssumeRole. */
  local: boolean;
}

export function createQueueAccess(access: SqsAccess, local: boolean): QueueAccess {
  return {
    local,
    clientFor: (flow) =>
      // A page waits for these calls: fail fast rather than hang on an unreachable queue.
      sqsClientForFlow({ id: 'admin', ...flow }, access, { maxAttempts: 2, requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 } }),
  };
}

const globalForAccess = globalThis as unknown as { eventFlowsQueueAccess?: QueueAccess };

/** This process's queue access, from its configuration. */
export function queueAccess(): QueueAccess {
  globalForAccess.eventFlowsQueueAccess ??= createQueueAccess(sqsAccessFromEnv(env()), isLocalSqs(env()));
  return globalForAccess.eventFlowsQueueAccess;
}
