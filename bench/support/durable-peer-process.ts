// The durable peer's process: the pipeline a platform team would write in forty lines
// instead of Event Flows. sqs-consumer receives (batches of 10, 4 consumers per queue),
// each message becomes a graphile-worker job (addJob: its row is committed before the
// message is deleted), and graphile-worker runs the jobs, 24 at once, each POSTing the
// body to the algorithm endpoint. The parent sends {consume: queueUrls} and {stop: true}
// over IPC and is answered "ready" / "stopped". Started by bench/support/durable-peer.ts.
import { SQSClient } from '@aws-sdk/client-sqs';
import { Logger, makeWorkerUtils, run } from 'graphile-worker';
import { Consumer } from 'sqs-consumer';

const { DATABASE_URL, SQS_ENDPOINT, ENDPOINT_URL } = process.env;
const CONSUMERS_PER_QUEUE = 4;
const CONCURRENCY = 24;

const silent = new Logger(() => () => undefined);
const sqs = new SQSClient({ endpoint: SQS_ENDPOINT, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
const utils = await makeWorkerUtils({ connectionString: DATABASE_URL, logger: silent });
await utils.migrate();
const runner = await run({
  connectionString: DATABASE_URL,
  concurrency: CONCURRENCY,
  maxPoolSize: CONCURRENCY,
  noHandleSignals: true,
  logger: silent,
  taskList: {
    async post(payload) {
      const response = await fetch(ENDPOINT_URL!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: (payload as { body: string }).body });
      await response.body?.cancel();
      // A failed call is retried by graphile-worker with its backoff.
      if (!response.ok) throw new Error(`endpoint answered ${response.status}`);
    },
  },
});

let consumers: Consumer[] = [];
process.on('message', (message: { consume?: string[]; stop?: true }) => {
  if (message.consume) {
    consumers = message.consume.flatMap((queueUrl) =>
      Array.from({ length: CONSUMERS_PER_QUEUE }, () =>
        Consumer.create({
          queueUrl,
          sqs,
          batchSize: 10,
          waitTimeSeconds: 1,
          pollingWaitTimeMs: 0,
          // Deleted once its job is stored; a failed addJob leaves the message for SQS.
          handleMessageBatch: async (messages) => {
            await Promise.all(messages.map((each) => utils.addJob('post', { body: each.Body ?? '' })));
            return messages;
          },
        }),
      ),
    );
    for (const consumer of consumers) {
      consumer.on('error', () => undefined);
      consumer.start();
    }
    process.send!('ready');
  }
  if (message.stop) {
    for (const consumer of consumers) consumer.stop({ abort: true });
    consumers = [];
    process.send!('stopped');
  }
});
process.on('SIGTERM', () => {
  void Promise.all([runner.stop(), utils.release()]).finally(() => process.exit(0));
});
process.send!('started');
