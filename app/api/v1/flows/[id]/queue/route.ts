import { queueAccess } from '@/lib/sqs/queue-access';
import { queueReadoutCaches } from '@/lib/admin/queue-readout-cache';
import { db } from '@/lib/db/client';
import { readFlowQueueSampled } from '@/lib/flow-metrics/read-flow-queue-sampled';
import { userRoute } from '@/lib/http/json-route';
import { findOperableFlow } from '@/lib/redrive/find-operable-flow';

export const dynamic = 'force-dynamic';

/** The flow's queue and DLQ counts now, read as its role (and kept as the minute's chart sample). */
export const GET = userRoute<{ id: string }>(async (_request, user, { id }) => {
  const flow = await findOperableFlow(db(), user, id, 'read');
  return { readout: await readFlowQueueSampled(db(), flow, queueAccess(), queueReadoutCaches()) };
});
