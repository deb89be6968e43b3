import http from 'node:http';
import https from 'node:https';
import { CreateQueueCommand, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, it } from 'vitest';
import { logger } from '@/lib/logger';
import { createLeanSqsCall } from '@/lib/sqs/lean-sqs-call';
import { uniqueName } from '@/test/support/factories';
import { testSqsClient } from '@/test/support/sqs';
import { queueDepth, sendMessages } from '@/test/support/sqs-messages';
import { createAckBatcher, type AckAction } from '@/worker/ack-batcher';

const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
const sqs = testSqsClient();
const call = createLeanSqsCall(sqs, agents);

afterAll(() => {
  agents.http.destroy();
  sqs.destroy();
});

async function receivedMessages(count: number) {
  const { QueueUrl: queueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueName('acks') }));
  await sendMessages(sqs, queueUrl!, Array.from({ length: count }, (_, i) => `m${i}`));
  const messages: Message[] = [];
  while (messages.length < count) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    messages.push(...Messages);
  }
  return { queueUrl: queueUrl!, messages };
}

function batcherFor(queueUrl: string) {
  const failures: Array<[AckAction, number]> = [];
  const acks = createAckBatcher({ call, queueUrl, requeueDelaySeconds: 0, logger, onFailure: (action, count) => failures.push([action, count]) });
  return { acks, failures };
}

describe('the ack batcher, through the lean SQS calls', () => {
  it('deletes the answered messages and requeues the refused ones, in batches of ten', async () => {
    const { queueUrl, messages } = await receivedMessages(13);
    const { acks, failures } = batcherFor(queueUrl);
    for (const message of messages.slice(0, 12)) acks.deleteMessage(message);
    acks.requeueMessage(messages[12]!);
    await acks.flush();

    expect(failures).toEqual([]);
    // The requeued one is visible again at once (delay 0); the twelve others are gone.
    expect(await queueDepth(sqs, queueUrl)).toMatchObject({ visible: 1, notVisible: 0 });
  });

  it('counts an entry SQS rejects, and still settles the rest of its batch', async () => {
    const { queueUrl, messages } = await receivedMessages(2);
    const { acks, failures } = batcherFor(queueUrl);
    acks.requeueMessage(messages[0]!);
    acks.requeueMessage({ MessageId: 'unknown', ReceiptHandle: 'not-a-receipt-handle' });
    acks.requeueMessage(messages[1]!);
    await acks.flush();

    expect(failures).toEqual([['requeue', 1]]);
    expect(await queueDepth(sqs, queueUrl)).toMatchObject({ visible: 2, notVisible: 0 });
  });
});
