import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@/lib/local/ports';
import { DEMO_MAX_RECEIVE_COUNT, LOCAL_SQS_CREDENTIALS, startSqsEmulator, type SqsEmulator } from '@/lib/local/sqs-emulator';

describe('local SQS emulator', () => {
  let emulator: SqsEmulator;
  let sqs: SQSClient;
  beforeAll(async () => {
    emulator = await startSqsEmulator(await findFreePort());
    sqs = new SQSClient({ endpoint: emulator.endpoint, region: 'us-east-1', credentials: LOCAL_SQS_CREDENTIALS });
  });
  afterAll(async () => {
    sqs.destroy();
    await emulator.stop();
  });

  it('has a demo queue whose failed messages go to its DLQ after 12 receives', async () => {
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: emulator.demoQueueUrl, AttributeNames: ['All'] }));
    const dlq = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: emulator.demoDlqUrl, AttributeNames: ['QueueArn'] }));
    expect(JSON.parse(Attributes?.RedrivePolicy ?? '{}')).toEqual({
      deadLetterTargetArn: dlq.Attributes?.QueueArn,
      maxReceiveCount: DEMO_MAX_RECEIVE_COUNT,
    });
    expect(DEMO_MAX_RECEIVE_COUNT).toBe(12);
  });

  it('round-trips a message through the AWS SDK', async () => {
    const body = JSON.stringify({ filename: 'some-new-file.txt', data: 'file contents to store' });
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl: emulator.demoQueueUrl, MessageBody: body }));
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: emulator.demoQueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    expect(Messages.map((m) => [m.MessageId, m.Body])).toEqual([[sent.MessageId, body]]);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: emulator.demoQueueUrl, ReceiptHandle: Messages[0]!.ReceiptHandle }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: emulator.demoQueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
    );
    expect(Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
  });
});
