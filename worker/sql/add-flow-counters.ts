import type { Db } from '@/lib/db/client';

export interface FlowCounterDelta {
  flowId: string;
  received: number;
  accepted: number;
  requeued: number;
  failed: number;
  /** Epoch milliseconds of the last message received, if any. */
  lastMessageAt: number | null;
}

/**
 * Adds counter increments to their flows in one statement. Increments (not absolute
 * values), so a flow that moves between workers keeps counting.
 */
export async function addFlowCounters(db: Db, deltas: FlowCounterDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await db.$executeRaw`
    UPDATE "EventFlow" AS flow
    SET "receivedCount" = flow."receivedCount" + d.received,
        "acceptedCount" = flow."acceptedCount" + d.accepted,
        "requeuedCount" = flow."requeuedCount" + d.requeued,
        "failedCount" = flow."failedCount" + d.failed,
        "lastMessageAt" = GREATEST(flow."lastMessageAt", to_timestamp(d.last_ms / 1000.0) AT TIME ZONE 'UTC')
    FROM unnest(
      ${deltas.map((d) => d.flowId)}::text[],
      ${deltas.map((d) => d.received)}::int[],
      ${deltas.map((d) => d.accepted)}::int[],
      ${deltas.map((d) => d.requeued)}::int[],
      ${deltas.map((d) => d.failed)}::int[],
      ${deltas.map((d) => d.lastMessageAt)}::float8[]
    ) AS d(flow_id, received, accepted, requeued, failed, last_ms)
    WHERE flow."id" = d.flow_id`;
}
