import { randomBytes } from 'node:crypto';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';

export async function createQueue(sqs: SQSClient, prefix = 'bench', attributes?: Record<string, string>): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${prefix}-${randomBytes(4).toString('hex')}`, Attributes: attributes }));
  return QueueUrl!;
}

/** Sends `count` messages in batches of 10, a few batches at a time. */
export async function preload(sqs: SQSClient, queueUrl: string, count: number, body: (i: number) => string = (i) => JSON.stringify({ i })): Promise<void> {
  const batches: Array<Array<{ Id: string; MessageBody: string }>> = [];
  for (let i = 0; i < count; i += 10) {
    batches.push(Array.from({ length: Math.min(10, count - i) }, (_, j) => ({ Id: String(j), MessageBody: body(i + j) })));
  }
  for (let i = 0; i < batches.length; i += 8) {
    await Promise.all(batches.slice(i, i + 8).map((Entries) => sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries }))));
  }
}

/** Visible + in-flight messages left on the queue. */
export async function depth(sqs: SQSClient, queueUrl: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
}

/** Resolves when every queue is empty; returns the elapsed milliseconds since `startedAt`. */
export async function waitUntilDrained(sqs: SQSClient, queueUrls: string[], startedAt: number, timeoutMs = 300_000): Promise<number> {
  for (;;) {
    const depths = await Promise.all(queueUrls.map((url) => depth(sqs, url)));
    if (depths.every((d) => d === 0)) return performance.now() - startedAt;
    if (performance.now() - startedAt > timeoutMs) throw new Error(`queues not drained after ${timeoutMs} ms: ${depths.join(',')}`);
    await sleep(20);
  }
}
