import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { setMaxListeners } from 'node:events';
import { Consumer } from 'sqs-consumer';

// The two references our worker is measured against, on the same emulator: the raw limit
// (a bare receive + batch-delete loop that does nothing with the messages) and the peer
// (sqs-consumer with a handler equivalent to ours: each message becomes a run through the
// algorithm API, and only accepted messages are deleted).

/** Hands one message body to the platform; true when its run was accepted. */
export type SubmitRun = (body: string) => Promise<boolean>;

export interface RunningConsumer {
  processed(): number;
  /** When (epoch ms) the last message reached the stage where the consumer records it before it runs (ours: its run admitted), to time that stage too; read once all are processed. */
  lastAdmittedAt?(): Promise<number>;
  stop(): Promise<void>;
}

/** `loopsPerQueue` loops per queue of ReceiveMessage(10) + DeleteMessageBatch, nothing else. */
export function startRawLoop(sqs: SQSClient, queueUrls: string[], loopsPerQueue: number): RunningConsumer {
  const abort = new AbortController();
  // Every loop listens on the one signal: more than the default 10 listeners is expected.
  setMaxListeners(0, abort.signal);
  let processed = 0;
  const loop = async (QueueUrl: string) => {
    while (!abort.signal.aborted) {
      const { Messages = [] } = await sqs
        .send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }), { abortSignal: abort.signal })
        .catch(() => ({ Messages: [] }));
      if (Messages.length === 0) continue;
      await sqs.send(
        new DeleteMessageBatchCommand({ QueueUrl, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })) }),
      );
      processed += Messages.length;
    }
  };
  const loops = queueUrls.flatMap((url) => Array.from({ length: loopsPerQueue }, () => loop(url)));
  return {
    processed: () => processed,
    async stop() {
      abort.abort();
      await Promise.allSettled(loops);
    },
  };
}

/** sqs-consumer with its defaults (one Consumer per queue, one message per receive). */
export function startSqsConsumerDefault(sqs: SQSClient, queueUrls: string[], submitRun: SubmitRun): RunningConsumer {
  let processed = 0;
  const consumers = queueUrls.map((queueUrl) =>
    Consumer.create({
      queueUrl,
      sqs,
      handleMessage: async (message) => {
        // Throwing leaves the message for SQS to redeliver, as our worker does.
        if (!(await submitRun(message.Body ?? ''))) throw new Error('run not accepted');
        processed += 1;
        return message;
      },
    }),
  );
  return startAll(consumers, () => processed);
}

/**
 * sqs-consumer tuned: batches of 10, a batch handler submitting its messages concurrently,
 * `consumersPerQueue` consumers per queue.
 */
export function startSqsConsumerTuned(sqs: SQSClient, queueUrls: string[], consumersPerQueue: number, submitRun: SubmitRun): RunningConsumer {
  let processed = 0;
  const consumers = queueUrls.flatMap((queueUrl) =>
    Array.from({ length: consumersPerQueue }, () =>
      Consumer.create({
        queueUrl,
        sqs,
        batchSize: 10,
        waitTimeSeconds: 1,
        pollingWaitTimeMs: 0,
        handleMessageBatch: async (messages) => {
          const accepted = await Promise.all(messages.map((message) => submitRun(message.Body ?? '')));
          const done = messages.filter((_, index) => accepted[index]);
          processed += done.length;
          return done;
        },
      }),
    ),
  );
  return startAll(consumers, () => processed);
}

function startAll(consumers: Consumer[], processed: () => number): RunningConsumer {
  for (const consumer of consumers) {
    consumer.on('error', () => undefined);
    consumer.start();
  }
  return {
    processed,
    async stop() {
      for (const consumer of consumers) consumer.stop({ abort: true });
    },
  };
}
