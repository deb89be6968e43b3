import type { FlowQueueReadout } from '@/lib/admin/flow-queue-readout';
import type { Db } from '@/lib/db/client';

export interface QueueSample {
  flowId: string;
  readout: FlowQueueReadout;
}

/**
 * Keeps queue readings as their flows' samples of the current minute (backlog = visible +
 * in flight, and the DLQ's depth), for the backlog and DLQ charts, in one statement. The
 * last reading of a minute wins; a part that could not be read leaves that minute's value
 * as it was.
 */
export async function recordQueueSamples(db: Db, samples: QueueSample[]): Promise<void> {
  // One row per flow: ON CONFLICT cannot update a row twice in one statement.
  const latest = new Map(samples.map((sample) => [sample.flowId, sample]));
  const rows = [...latest.values()]
    .map(({ flowId, readout }) => ({
      flowId,
      backlog: readout.source.ok ? readout.source.visible + readout.source.inFlight : null,
      dlqDepth: readout.dlq?.ok ? readout.dlq.depth : null,
    }))
    .filter((row) => row.backlog !== null || row.dlqDepth !== null);
  if (rows.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "FlowMetricMinute" AS m ("eventFlowId", "minute", "queueBacklog", "dlqDepth")
    SELECT f."id", date_trunc('minute', now() AT TIME ZONE 'UTC'), s.backlog, s.dlq_depth
    FROM unnest(${rows.map((row) => row.flowId)}::text[], ${rows.map((row) => row.backlog)}::int[], ${rows.map((row) => row.dlqDepth)}::int[]) AS s(flow_id, backlog, dlq_depth)
    JOIN "EventFlow" f ON f."id" = s.flow_id
    ON CONFLICT ("eventFlowId", "minute") DO UPDATE
    SET "queueBacklog" = COALESCE(EXCLUDED."queueBacklog", m."queueBacklog"),
        "dlqDepth" = COALESCE(EXCLUDED."dlqDepth", m."dlqDepth")`;
}
