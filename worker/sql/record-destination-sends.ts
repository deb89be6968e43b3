import type { Db } from '@/lib/db/client';
import type { DestinationSendResult } from '@/lib/destinations/send-destination-batch';

/**
 * Records a pass's sends in one statement: SENT with SQS's message id, PENDING again after
 * a backoff, or FAILED with why in plain words. Only rows still on the claim that sent them
 * (same attempt, still PENDING) change: a resend meanwhile wins. Sent and failed messages
 * are added to their flows' per-minute rollups (the connection page's charts).
 */
export async function recordDestinationSends(db: Db, results: DestinationSendResult[]): Promise<void> {
  if (results.length === 0) return;
  const column = <T>(pick: (result: DestinationSendResult) => T) => results.map(pick);
  await db.$executeRaw`
    WITH input AS (
      SELECT * FROM unnest(
        ${column((r) => r.runId)}::text[], ${column((r) => r.attempts)}::int[], ${column((r) => r.outcome)}::text[],
        ${column((r) => (r.outcome === 'SENT' ? r.messageId : null))}::text[],
        ${column((r) => (r.outcome === 'SENT' ? null : r.error))}::text[],
        ${column((r) => (r.outcome === 'RETRY' ? r.retryInMs : null))}::int[])
        AS t(run_id, attempts, outcome, message_id, error, retry_ms)
    ),
    recorded AS (
      UPDATE "DestinationMessage" d SET
        "status" = CASE i.outcome WHEN 'SENT' THEN 'SENT' WHEN 'FAILED' THEN 'FAILED' ELSE 'PENDING' END::"DestinationStatus",
        "sentMessageId" = i.message_id,
        "sentAt" = CASE WHEN i.outcome = 'SENT' THEN now() AT TIME ZONE 'UTC' END,
        "lastError" = i.error,
        "nextAttemptAt" = CASE WHEN i.outcome = 'RETRY' THEN (now() AT TIME ZONE 'UTC') + make_interval(secs => i.retry_ms / 1000.0) ELSE d."nextAttemptAt" END
      FROM input i
      WHERE d."runId" = i.run_id AND d."attempts" = i.attempts AND d."status" = 'PENDING'
      RETURNING d."eventFlowId", i.outcome
    ),
    per_flow AS (
      SELECT "eventFlowId", count(*) FILTER (WHERE outcome = 'SENT')::int AS sent, count(*) FILTER (WHERE outcome = 'FAILED')::int AS failed
      FROM recorded GROUP BY "eventFlowId"
    )
    INSERT INTO "FlowMetricMinute" AS m ("eventFlowId", "minute", "destinationsSent", "destinationsFailed")
    SELECT p."eventFlowId", date_trunc('minute', now() AT TIME ZONE 'UTC'), p.sent, p.failed
    FROM per_flow p WHERE p.sent + p.failed > 0 ORDER BY p."eventFlowId"
    ON CONFLICT ("eventFlowId", "minute") DO UPDATE SET
      "destinationsSent" = m."destinationsSent" + EXCLUDED."destinationsSent",
      "destinationsFailed" = m."destinationsFailed" + EXCLUDED."destinationsFailed"`;
}
