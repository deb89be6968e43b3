import { inject } from 'vitest';
import { createQueueAccess, type QueueAccess } from '@/lib/admin/queue-access';

/** Queue access in local mode, against the run's SQS emulator. */
export function localQueueAccess(): QueueAccess {
  return createQueueAccess({ AWS_ENDPOINT_URL_SQS: inject('sqsEndpoint'), AWS_ENDPOINT_URL_STS: undefined, AWS_REGION: 'us-east-1' });
}
