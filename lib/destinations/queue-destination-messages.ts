import { DESTINATIONS_QUEUED_CHANNEL, MAX_DESTINATION_BODY_BYTES } from './destination-channel';

/** What an UPDATE of runs RETURNs for queueDestinationMessagesSql (and whatever else it needs). */
export const ENDED_RUN_COLUMNS = `"id", "eventFlowId", "algorithmId", "versionId", "deletedVersion", "status", "input", "output", "error", "attempt", "sqsMessageId", "messageGroupId", "sequenceNumber", "finishedAt"`;

const ISO_TIME = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * The SQL that queues the destination messages of runs that just ended: two CTEs to put
 * in the very statement that records their outcomes (lib/runs/finish-run.ts and the other
 * statements that end runs), so an outcome is never written without its message (the
 * outbox). `ended` names a CTE of the updated runs (UPDATE … RETURNING ENDED_RUN_COLUMNS).
 * The statement must read `destinations_notified` (one row) for the NOTIFY to be sent.
 *
 * SUCCEEDED runs go to the flow's on-success queue, FAILED, TIMED_OUT, DEAD and EXPIRED
 * runs to its on-failure queue; a run queued again for a retry goes nowhere. A flow
 * without destinations writes nothing (the join finds no queue). A body SQS would refuse
 * (empty, or over its size limit) is recorded as FAILED with why, never sent.
 */
export function queueDestinationMessagesSql(ended: string): string {
  return `
    destination_rows AS (
      SELECT e."id", e."eventFlowId",
        CASE WHEN e."status" = 'SUCCEEDED' THEN 'SUCCESS' ELSE 'FAILURE' END AS kind,
        CASE WHEN e."status" = 'SUCCEEDED' THEN f."onSuccessQueueUrl" ELSE f."onFailureQueueUrl" END AS queue_url,
        CASE
          WHEN e."status" = 'SUCCEEDED' AND f."destinationBody" = 'OUTPUT' THEN
            CASE WHEN jsonb_typeof(e."output") = 'string' THEN e."output" #>> '{}' ELSE COALESCE(e."output", 'null'::jsonb)::text END
          WHEN e."status" = 'SUCCEEDED' THEN jsonb_build_object(
            'runId', e."id", 'sqsMessageId', e."sqsMessageId", 'algorithm', u."username" || '/' || a."name",
            'version', COALESCE(v."version", e."deletedVersion"), 'input', e."input", 'output', e."output",
            'finishedAt', to_char(e."finishedAt", ${ISO_TIME}))::text
          ELSE jsonb_build_object(
            'runId', e."id", 'sqsMessageId', e."sqsMessageId", 'algorithm', u."username" || '/' || a."name",
            'version', COALESCE(v."version", e."deletedVersion"), 'status', e."status"::text, 'error', e."error",
            'attempts', e."attempt", 'input', e."input", 'finishedAt', to_char(e."finishedAt", ${ISO_TIME}))::text
        END AS body,
        e."messageGroupId", e."sequenceNumber"
      FROM ${ended} e
      JOIN "EventFlow" f ON f."id" = e."eventFlowId"
      JOIN "Algorithm" a ON a."id" = e."algorithmId"
      JOIN "User" u ON u."id" = a."ownerId"
      LEFT JOIN "AlgorithmVersion" v ON v."id" = e."versionId"
      WHERE (e."status" = 'SUCCEEDED' AND f."onSuccessQueueUrl" IS NOT NULL)
        OR (e."status" IN ('FAILED', 'TIMED_OUT', 'DEAD', 'EXPIRED') AND f."onFailureQueueUrl" IS NOT NULL)
    ),
    queued_destinations AS (
      INSERT INTO "DestinationMessage" AS d ("runId", "eventFlowId", "kind", "queueUrl", "body", "messageGroupId", "deduplicationId", "sequenceNumber", "status", "lastError", "nextAttemptAt", "createdAt")
      SELECT m."id", m."eventFlowId", m.kind::"DestinationKind", m.queue_url, m.body,
        -- FIFO destinations: the source message's group keeps its order; the run id makes a resent duplicate SQS's to drop.
        CASE WHEN m.queue_url LIKE '%.fifo' THEN COALESCE(m."messageGroupId", m."eventFlowId") END,
        CASE WHEN m.queue_url LIKE '%.fifo' THEN m."id" END,
        m."sequenceNumber",
        CASE WHEN m.body = '' OR octet_length(m.body) > ${MAX_DESTINATION_BODY_BYTES} THEN 'FAILED' ELSE 'PENDING' END::"DestinationStatus",
        CASE
          WHEN m.body = '' THEN 'Not sent: the output is empty, and SQS takes no empty message'
          WHEN octet_length(m.body) > ${MAX_DESTINATION_BODY_BYTES} THEN
            'Not sent: the message would be ' || ceil(octet_length(m.body) / 1024.0) || ' KiB, and SQS takes at most ${MAX_DESTINATION_BODY_BYTES / 1024} KiB'
        END,
        now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM destination_rows m
      ORDER BY m."id" -- one lock order, so concurrent batches do not deadlock
      -- A replayed run that ends again replaces its earlier message (sent or not).
      ON CONFLICT ("runId") DO UPDATE SET
        "kind" = EXCLUDED."kind", "queueUrl" = EXCLUDED."queueUrl", "body" = EXCLUDED."body",
        "messageGroupId" = EXCLUDED."messageGroupId", -- A new deduplication id: SQS drops a FIFO message whose id it saw in the last 5 minutes.
        "deduplicationId" = EXCLUDED."deduplicationId" || ':' || floor(extract(epoch FROM now()) * 1000)::bigint,
        "status" = EXCLUDED."status", "lastError" = EXCLUDED."lastError", "attempts" = 0,
        "nextAttemptAt" = EXCLUDED."nextAttemptAt", "sentMessageId" = NULL, "sentAt" = NULL, "createdAt" = EXCLUDED."createdAt"
      RETURNING d."status"
    ),
    destinations_notified AS (
      SELECT count(pg_notify('${DESTINATIONS_QUEUED_CHANNEL}', '')) AS notified
      FROM (SELECT 1 FROM queued_destinations WHERE "status" = 'PENDING' LIMIT 1) AS pending
    )`;
}
