import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { buildApp } from 'fauxqs';
import { LOCAL_SQS_CREDENTIALS } from '@/lib/sqs/local-sqs-credentials';

export { LOCAL_SQS_CREDENTIALS } from '@/lib/sqs/local-sqs-credentials';

// The local SQS emulator (fauxqs speaks the real SQS wire protocol). It keeps messages
// in memory: they do not survive a restart of `npm start`. Its app is served on `host`
// only (fauxqs's own start listens on every interface): local mode has no roles, so its
// queues are for this machine unless the operator opens it (lib/local/assert-local-mode-host.ts).

export const DEMO_QUEUE_NAME = 'demo-queue';
export const DEMO_DLQ_NAME = 'demo-queue-dlq';
// With the 300 s requeue delay this rides out an hour of overload (Test connection warns below that).
export const DEMO_MAX_RECEIVE_COUNT = 12;

export interface SqsEmulator {
  endpoint: string;
  demoQueueUrl: string;
  demoDlqUrl: string;
  stop(): Promise<void>;
}

export async function startSqsEmulator(port: number, host = '127.0.0.1'): Promise<SqsEmulator> {
  const app = buildApp({ logger: false });
  await app.listen({ port, host });
  const { port: boundPort } = app.server.address() as { port: number };
  // On every interface, this machine's processes still reach it on loopback.
  const reachAt = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const endpoint = `http://${reachAt.includes(':') ? `[${reachAt}]` : reachAt}:${boundPort}`;
  const sqs = new SQSClient({ endpoint, region: 'us-east-1', credentials: LOCAL_SQS_CREDENTIALS });
  try {
    const dlq = await sqs.send(new CreateQueueCommand({ QueueName: DEMO_DLQ_NAME }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }));
    const queue = await sqs.send(
      new CreateQueueCommand({
        QueueName: DEMO_QUEUE_NAME,
        Attributes: {
          // At least the default algorithm timeout, so a run in progress is not delivered twice.
          VisibilityTimeout: '300',
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: Attributes?.QueueArn, maxReceiveCount: DEMO_MAX_RECEIVE_COUNT }),
        },
      }),
    );
    return { endpoint, demoQueueUrl: queue.QueueUrl!, demoDlqUrl: dlq.QueueUrl!, stop: () => app.close() };
  } catch (error) {
    await app.close();
    throw error;
  } finally {
    sqs.destroy();
  }
}
