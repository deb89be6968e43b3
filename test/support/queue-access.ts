import { createQueueAccess, type QueueAccess } from '@/lib/sqs/queue-access';
import { localSqsAccess } from './worker';

/** Queue access in local mode, against the run's SQS emulator. */
export function localQueueAccess(): QueueAccess {
  return createQueueAccess(localSqsAccess(), true);
}
