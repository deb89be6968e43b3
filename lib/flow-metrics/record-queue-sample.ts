import type { FlowQueueReadout } from '@/lib/admin/flow-queue-readout';
import type { Db } from '@/lib/db/client';

/**
 * Keeps a queue reading as the flow's sample of the current minute (backlog = visible +
 * in flight, and the DLQ's depth), for the backlog and DLQ charts. The last reading of a
 * minute wins; a part that could not be read leaves that minute's value as it was.
 */
export async function recordQueueSample(db: Db, flowId: string, readout: FlowQueueReadout): Promise<void> {
  const backlog = readout.source.ok ? readout.source.visible + readout.source.inFlight : null;
  const dlqDepth = readout.dlq?.ok ? readout.dlq.depth : null;
  if (backlog === null && dlqDepth === null) return;
  await db.$executeRaw`
    INSERT INTO "FlowMetricMinute" AS m ("eventFlowId", "minute", "queueBacklog", "dlqDepth")
    SELECT f."id", date_trunc('minute', now() AT TIME ZONE 'UTC'), ${backlog}::int, ${dlqDepth}::int
    FROM "EventFlow" f WHERE f."id" = ${flowId}
    ON CONFLICT ("eventFlowId", "minute") DO UPDATE
    SET "queueBacklog" = COALESCE(EXCLUDED."queueBacklog", m."queueBacklog"),
        "dlqDepth" = COALESCE(EXCLUDED."dlqDepth", m."dlqDepth")`;
}
