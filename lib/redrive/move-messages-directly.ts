import { DeleteMessageBatchCommand, ReceiveMessageCommand, SendMessageBatchCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { awsAppError } from '@/lib/sqs/aws-app-error';
import { readQueueAttributes } from '@/lib/sqs/read-queue-attributes';
import type { RedriveTask } from './redrive-task';
import type { QueuePair } from './resolve-dead-letter-queue';

// For endpoints without message move tasks (the local emulator): receive from the DLQ,
// send to the queue, then delete from the DLQ only what was sent. A message is never
// lost; one whose send failed comes back to the DLQ after the receive's visibility timeout.

const LIMITS = { maxMessages: 10_000, maxMs: 20_000 };
const HOLD_SECONDS = 60;

export async function moveMessagesDirectly(sqs: SQSClient, queues: QueuePair, limits = LIMITS): Promise<RedriveTask> {
  const startedAt = new Date();
  const before = await readQueueAttributes(sqs, queues.dlq.url).catch((error: unknown) => {
    throw awsAppError(error, 'sqs:GetQueueAttributes', queues.dlq.url);
  });
  let moved = 0;
  let failureReason: string | null = null;
  while (moved < limits.maxMessages && Date.now() - startedAt.getTime() < limits.maxMs) {
    const batch = await receiveBatch(sqs, queues.dlq.url);
    if (batch.length === 0) break;
    const { sent, failure } = await sendBatch(sqs, queues.source.url, batch);
    if (sent.length > 0) await deleteBatch(sqs, queues.dlq.url, sent);
    moved += sent.length;
    failureReason = failure;
    if (failure) break;
  }
  return {
    handle: null,
    status: failureReason ? 'FAILED' : 'COMPLETED',
    moved,
    toMove: before.visible + before.inFlight + before.delayed,
    startedAt: startedAt.toISOString(),
    failureReason,
  };
}

async function receiveBatch(sqs: SQSClient, dlqUrl: string): Promise<Message[]> {
  const { Messages: messages = [] } = await sqs
    .send(
      new ReceiveMessageCommand({
        QueueUrl: dlqUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: HOLD_SECONDS,
        WaitTimeSeconds: 0,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['MessageGroupId'],
      }),
    )
    .catch((error: unknown) => {
      throw awsAppError(error, 'sqs:ReceiveMessage', dlqUrl);
    });
  return messages;
}

async function sendBatch(sqs: SQSClient, queueUrl: string, batch: Message[]): Promise<{ sent: Message[]; failure: string | null }> {
  const result = await sqs
    .send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((message, index) => {
          const groupId = message.Attributes?.MessageGroupId;
          return {
            Id: String(index),
            MessageBody: message.Body ?? '',
            MessageAttributes: message.MessageAttributes,
            // FIFO queues: keep the group, and let the original id dedupe a retried move.
            MessageGroupId: groupId,
            MessageDeduplicationId: groupId ? message.MessageId : undefined,
          };
        }),
      }),
    )
    .catch((error: unknown) => {
      throw awsAppError(error, 'sqs:SendMessage', queueUrl);
    });
  const sentIds = new Set((result.Successful ?? []).map((entry) => entry.Id));
  const firstFailure = result.Failed?.[0];
  return {
    sent: batch.filter((_, index) => sentIds.has(String(index))),
    failure: firstFailure ? `${result.Failed?.length} message(s) could not be sent back: ${firstFailure.Message ?? firstFailure.Code}` : null,
  };
}

async function deleteBatch(sqs: SQSClient, dlqUrl: string, messages: Message[]): Promise<void> {
  await sqs
    .send(new DeleteMessageBatchCommand({ QueueUrl: dlqUrl, Entries: messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle })) }))
    .catch((error: unknown) => {
      throw awsAppError(error, 'sqs:DeleteMessage', dlqUrl);
    });
}
