import type { FlowQueueReadout } from '@/lib/admin/flow-queue-readout';
import type { QueueAccess, QueueFlow } from '@/lib/sqs/queue-access';
import { readoutKey, type QueueReadoutCaches } from '@/lib/admin/queue-readout-cache';
import { readFlowQueues } from '@/lib/admin/read-flow-queues';
import type { Db } from '@/lib/db/client';
import { logger } from '@/lib/logger';
import { recordQueueSamples } from './record-queue-samples';

/**
 * A flow's queue counts through the shared readout cache; every reading that actually went
 * to SQS (at most one per queue every few seconds) is also kept as the minute's sample
 * for the backlog and DLQ charts. A sample that cannot be written does not fail the read.
 */
export function readFlowQueueSampled(db: Db, flow: QueueFlow & { id: string }, access: QueueAccess, caches: QueueReadoutCaches): Promise<FlowQueueReadout> {
  return caches.readouts.get(readoutKey(flow), async () => {
    const sqs = access.clientFor(flow);
    const readout = await readFlowQueues(flow, sqs, caches.oldestSamples).finally(() => sqs.destroy());
    await recordQueueSamples(db, [{ flowId: flow.id, readout }]).catch((error: unknown) => logger.warn({ err: error, flowId: flow.id }, 'could not record the queue sample'));
    return readout;
  });
}
