import { randomBytes } from 'node:crypto';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { inject } from 'vitest';

/** The real AWS SDK client, pointed at the run's SQS emulator. */
export function testSqsClient(): SQSClient {
  return new SQSClient({
    endpoint: inject('sqsEndpoint'),
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** A queue with its own DLQ (redrive after maxReceiveCount receives), made through the SDK; `name`: one no other test uses. */
export async function createQueueWithDlq(sqs: SQSClient, options: { maxReceiveCount?: number; visibilityTimeout?: number; name?: string } = {}) {
  const name = options.name ?? `q-${randomBytes(5).toString('hex')}`;
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const dlqArn = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }));
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: String(options.visibilityTimeout ?? 30),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn.Attributes?.QueueArn, maxReceiveCount: options.maxReceiveCount ?? 10 }),
      },
    }),
  );
  return { name, queueUrl: queue.QueueUrl!, dlqUrl: dlq.QueueUrl! };
}
