import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { DESTINATIONS_QUEUED_CHANNEL, MAX_DESTINATION_BODY_BYTES } from './destination-channel';

/**
 * Resend on a run's page: its destination message is sent again, to the flow's current
 * queue of that kind (so a corrected URL is used) or, without one now, where it went
 * before. Only the algorithm's owner may (an admin acting would send into the tenant's
 * AWS account). A FIFO message gets a new deduplication id, or SQS would drop it as a
 * repeat for 5 minutes. 404 for anyone else; 409 when there is nothing to resend.
 */
export async function resendDestinationMessage(db: Db, userId: string, runId: string): Promise<{ resent: true }> {
  const message = await db.destinationMessage.findFirst({
    where: { runId, run: { algorithm: { ownerId: userId } } },
    select: { status: true, body: true },
  });
  if (!message) throw new AppError('NOT_FOUND', 'This run sent nothing to a destination');
  if (message.status === 'PENDING') throw new AppError('CONFLICT', 'Its message is being sent already');
  if (message.body === null || message.body === '' || Buffer.byteLength(message.body) > MAX_DESTINATION_BODY_BYTES) {
    throw new AppError('CONFLICT', 'This message cannot be sent: SQS would refuse it (empty, or over 256 KiB)');
  }
  const resent = await db.$executeRaw`
    WITH resent AS (
      UPDATE "DestinationMessage" d SET
        "queueUrl" = COALESCE(CASE d."kind" WHEN 'SUCCESS' THEN f."onSuccessQueueUrl" ELSE f."onFailureQueueUrl" END, d."queueUrl"),
        "messageGroupId" = CASE WHEN COALESCE(CASE d."kind" WHEN 'SUCCESS' THEN f."onSuccessQueueUrl" ELSE f."onFailureQueueUrl" END, d."queueUrl") LIKE '%.fifo'
          THEN COALESCE(d."messageGroupId", r."messageGroupId", d."eventFlowId") END,
        "deduplicationId" = d."runId" || ':' || floor(extract(epoch FROM now()) * 1000)::bigint,
        "status" = 'PENDING', "attempts" = 0, "nextAttemptAt" = now() AT TIME ZONE 'UTC',
        "lastError" = NULL, "sentMessageId" = NULL, "sentAt" = NULL
      FROM "EventFlow" f, "AlgorithmRun" r
      WHERE d."runId" = ${runId} AND d."status" <> 'PENDING' AND f."id" = d."eventFlowId" AND r."id" = d."runId"
      RETURNING d."runId"
    )
    SELECT pg_notify(${DESTINATIONS_QUEUED_CHANNEL}, '') FROM resent`;
  if (resent === 0) throw new AppError('CONFLICT', 'Its message is being sent already');
  return { resent: true };
}
