import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** Sends the bodies (in batches of 10) and returns their message ids, in order. */
export async function sendMessages(sqs: SQSClient, queueUrl: string, bodies: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < bodies.length; start += 10) {
    const batch = bodies.slice(start, start + 10);
    const { Successful = [], Failed = [] } = await sqs.send(
      new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: batch.map((body, i) => ({ Id: String(i), MessageBody: body })) }),
    );
    if (Failed.length > 0) throw new Error(`SendMessageBatch failed: ${JSON.stringify(Failed)}`);
    ids.push(...[...Successful].sort((a, b) => Number(a.Id) - Number(b.Id)).map((entry) => entry.MessageId!));
  }
  return ids;
}

/** Messages waiting (visible) and being processed or delayed (not visible). */
export async function queueDepth(sqs: SQSClient, queueUrl: string) {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
    }),
  );
  const visible = Number(Attributes.ApproximateNumberOfMessages);
  const notVisible = Number(Attributes.ApproximateNumberOfMessagesNotVisible);
  const delayed = Number(Attributes.ApproximateNumberOfMessagesDelayed);
  return { visible, notVisible, delayed, total: visible + notVisible + delayed };
}

/** Takes what a dead-letter queue holds (one receive), with each message's receive count. */
export async function receiveFromDlq(sqs: SQSClient, dlqUrl: string) {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }),
  );
  return Messages.map((m) => ({ messageId: m.MessageId, body: m.Body, receiveCount: Number(m.Attributes?.ApproximateReceiveCount) }));
}
