import { startFauxqs } from 'fauxqs';

export { LOCAL_SQS_CREDENTIALS } from '@/lib/sqs/local-sqs-credentials';

// The local SQS emulator (fauxqs speaks the real SQS wire protocol). It keeps messages
// in memory: they do not survive a restart of `npm start`.

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

export async function startSqsEmulator(port: number): Promise<SqsEmulator> {
  const server = await startFauxqs({ port, logger: false });
  const dlq = server.createQueue(DEMO_DLQ_NAME);
  const queue = server.createQueue(DEMO_QUEUE_NAME, {
    attributes: {
      // At least the default algorithm timeout, so a run in progress is not delivered twice.
      VisibilityTimeout: '300',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.queueArn, maxReceiveCount: DEMO_MAX_RECEIVE_COUNT }),
    },
  });
  return {
    endpoint: server.address,
    demoQueueUrl: queue.queueUrl,
    demoDlqUrl: dlq.queueUrl,
    stop: () => server.stop(),
  };
}
