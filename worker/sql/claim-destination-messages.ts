import type { Db } from '@/lib/db/client';

/** A destination message claimed for sending, with what the send needs to act as its flow's role. */
export interface ClaimedDestinationMessage {
  runId: string;
  eventFlowId: string;
  kind: 'SUCCESS' | 'FAILURE';
  queueUrl: string;
  body: string;
  messageGroupId: string | null;
  deduplicationId: string | null;
  /** This send's number (1 for the first). */
  attempts: number;
  createdAt: Date;
  /** The source message's FIFO sequence number (text: it exceeds a double). */
  sequenceNumber: string | null;
  sourceMessageId: string | null;
  roleArn: string;
  externalId: string;
  owner: string;
}

/**
 * Claims up to `limit` due PENDING messages: SKIP LOCKED keeps two senders off the same
 * rows, and the claim pushes `nextAttemptAt` a lease ahead, so no other sender takes them
 * while they are being sent and a sender that dies leaves them due again after the lease.
 * A FIFO destination's message waits while an earlier one of its group waits (a retry's
 * backoff, or another sender's lease): the queue receives each group in order.
 */
export async function claimDestinationMessages(db: Db, limit: number, leaseMs: number): Promise<ClaimedDestinationMessage[]> {
  return db.$queryRaw<ClaimedDestinationMessage[]>`
    WITH due AS (
      SELECT d."runId" FROM "DestinationMessage" d
      WHERE d."status" = 'PENDING' AND d."nextAttemptAt" <= now() AT TIME ZONE 'UTC'
        AND (d."messageGroupId" IS NULL OR NOT EXISTS (
          SELECT 1 FROM "DestinationMessage" p
          WHERE p."status" = 'PENDING' AND p."queueUrl" = d."queueUrl" AND p."messageGroupId" = d."messageGroupId"
            AND (p."createdAt", COALESCE(p."sequenceNumber", 0), p."runId") < (d."createdAt", COALESCE(d."sequenceNumber", 0), d."runId") AND p."nextAttemptAt" > now() AT TIME ZONE 'UTC'))
      ORDER BY d."nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE "DestinationMessage" d SET
      "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}::float8),
      "attempts" = d."attempts" + 1
    FROM due, "AlgorithmRun" r, "EventFlow" f, "Algorithm" a, "User" u
    WHERE d."runId" = due."runId" AND r."id" = d."runId" AND f."id" = d."eventFlowId" AND a."id" = f."algorithmId" AND u."id" = a."ownerId"
    RETURNING d."runId", d."eventFlowId", d."kind"::text AS "kind", d."queueUrl", d."body", d."messageGroupId", d."deduplicationId",
      d."attempts", d."createdAt", d."sequenceNumber"::text AS "sequenceNumber", r."sqsMessageId" AS "sourceMessageId", f."roleArn",
      COALESCE(f."legacyExternalId", u."externalId") AS "externalId", u."username" AS "owner"`;
}
