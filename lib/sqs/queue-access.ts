import type { SQSClient } from '@aws-sdk/client-sqs';
import { env, isLocalSqs } from '@/lib/env';
import { sqsAccessFromEnv } from './sqs-access-from-env';
import { AssumeRoleError } from './assume-role-cached';
import { QUEUE_READ_TIMEOUT_MS } from './read-queue-attributes';
import { roleSessionName } from './role-session-name';
import { sqsClientForFlow, type SqsAccess } from './sqs-client-for-flow';

// The web app's way to a connection's queue (admin view, redrive, Test connection):
// the worker's SQS access, with its AssumeRole cache, acting as the connection's role.

export interface QueueFlow {
  /** Absent for a connection not saved yet (Test connection in a modal). */
  id?: string;
  queueUrl: string;
  roleArn: string;
  /** The owner's platform-generated external ID (lib/flows/flow-role.ts). */
  externalId: string;
  /** The owner's username, named in the session the queue owner sees in CloudTrail. */
  owner: string;
}

export interface QueueAccess {
  /** A client acting as the flow's role; the caller destroys it when done. */
  clientFor(flow: QueueFlow): SQSClient;
  /**
   * Whether STS lets the platform assume the role with no external ID at all (one uncached
   * call). Such a role would let anyone who knows its ARN connect it. Throws other failures.
   */
  assumableWithoutExternalId(flow: QueueFlow): Promise<boolean>;
  /** AssumeRole as the flow's role with its external ID (cached); throws AssumeRoleError when refused. */
  assumeRole(flow: QueueFlow): Promise<void>;
  /** Local mode: the emulator, its credentials, no AssumeRole. */
  local: boolean;
}

export function createQueueAccess(access: SqsAccess, local: boolean): QueueAccess {
  return {
    local,
    clientFor: (flow) =>
      // A page waits for these calls: fail fast rather than hang on an unreachable queue.
      sqsClientForFlow({ ...flow, id: flow.id ?? 'check' }, access, { maxAttempts: 2, requestHandler: { connectionTimeout: 3_000, requestTimeout: QUEUE_READ_TIMEOUT_MS } }),
    async assumeRole(flow) {
      await access.assumeRole({ roleArn: flow.roleArn, externalId: flow.externalId, sessionName: roleSessionName(flow.owner, flow.id ?? 'check') });
    },
    async assumableWithoutExternalId(flow) {
      try {
        await access.assumeRole.once({ roleArn: flow.roleArn, externalId: null, sessionName: roleSessionName(flow.owner, flow.id ?? 'check') });
        return true;
      } catch (error) {
        if (error instanceof AssumeRoleError && error.code === 'ASSUME_ROLE_DENIED') return false;
        throw error;
      }
    },
  };
}

const globalForAccess = globalThis as unknown as { eventFlowsQueueAccess?: QueueAccess };

/** This process's queue access, from its configuration. */
export function queueAccess(): QueueAccess {
  globalForAccess.eventFlowsQueueAccess ??= createQueueAccess(sqsAccessFromEnv(env()), isLocalSqs(env()));
  return globalForAccess.eventFlowsQueueAccess;
}
