import type { Db } from '@/lib/db/client';

export interface FlowCounterDelta {
  flowId: string;
  received: number;
  accepted: number;
  requeued: number;
  failed: number;
  filtered: number;
  /** Epoch milliseconds of the last message received, if any. */
  lastMessageAt: number | null;
}

/**
 * Adds counter increments to their flows and to the flows' rollup of the current minute
 * (FlowMetricMinute, the connection page's charts), in one statement, so the charts and
 * the counters never disagree. Increments (not absolute values), so a flow that moves
 * between workers keeps counting.
 */
export async function addFlowCounters(db: Db, deltas: FlowCounterDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await db.$executeRaw`
    WITH d AS (
      SELECT * FROM unnest(
        ${deltas.map((d) => d.flowId)}::text[],
        ${deltas.map((d) => d.received)}::int[],
        ${deltas.map((d) => d.accepted)}::int[],
        ${deltas.map((d) => d.requeued)}::int[],
        ${deltas.map((d) => d.failed)}::int[],
        ${deltas.map((d) => d.filtered)}::int[],
        ${deltas.map((d) => d.lastMessageAt)}::float8[]
      ) AS d(flow_id, received, accepted, requeued, failed, filtered, last_ms)
    ), counted AS (
      UPDATE "EventFlow" AS flow
      SET "receivedCount" = flow."receivedCount" + d.received,
          "acceptedCount" = flow."acceptedCount" + d.accepted,
          "requeuedCount" = flow."requeuedCount" + d.requeued,
          "failedCount" = flow."failedCount" + d.failed,
          "filteredCount" = flow."filteredCount" + d.filtered,
          "lastMessageAt" = GREATEST(flow."lastMessageAt", to_timestamp(d.last_ms / 1000.0) AT TIME ZONE 'UTC')
      FROM d WHERE flow."id" = d.flow_id
      RETURNING flow."id"
    )
    INSERT INTO "FlowMetricMinute" AS m ("eventFlowId", "minute", "received", "accepted", "requeued", "failed", "filtered")
    SELECT d.flow_id, date_trunc('minute', now() AT TIME ZONE 'UTC'), d.received, d.accepted, d.requeued, d.failed, d.filtered
    FROM d JOIN counted ON counted."id" = d.flow_id
    ON CONFLICT ("eventFlowId", "minute") DO UPDATE
    SET "received" = m."received" + EXCLUDED."received",
        "accepted" = m."accepted" + EXCLUDED."accepted",
        "requeued" = m."requeued" + EXCLUDED."requeued",
        "failed" = m."failed" + EXCLUDED."failed",
        "filtered" = m."filtered" + EXCLUDED."filtered"`;
}
