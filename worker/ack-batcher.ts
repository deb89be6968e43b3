import type { BatchResultErrorEntry, Message } from '@aws-sdk/client-sqs';
import { coerceError, type Logger } from '@/lib/logger';
import { answeredWithin, type LeanSqsCall } from '@/lib/sqs/lean-sqs-call';
import { backoffDelay } from '@/lib/async/backoff';

// Deletes (after 200) and requeues (after 429) go to SQS in batches of up to 10, sent
// when a batch is full or a short window has passed, as lean calls (one per ten messages
// run: lib/sqs/lean-sqs-call.ts says what that saves). An entry that SQS fails on its side
// is retried; one it rejects (e.g. an expired receipt handle) is logged: that message
// will be delivered again, so at worst it runs twice, it is never lost.

const BATCH_SIZE = 10;
const BATCH_WINDOW_MS = 25;
const ATTEMPTS = 3;
const CALL_TIMEOUT_MS = 5_000;

export type AckAction = 'delete' | 'requeue';

export interface AckBatcher {
  deleteMessage(message: Message): void;
  requeueMessage(message: Message): void;
  /** Sends everything pending and waits until every batch is answered. */
  flush(): Promise<void>;
}

export interface AckBatcherOptions {
  call: LeanSqsCall;
  queueUrl: string;
  requeueDelaySeconds: number;
  logger: Logger;
  onFailure(action: AckAction, count: number): void;
}

export function createAckBatcher(options: AckBatcherOptions): AckBatcher {
  const pending: Record<AckAction, Message[]> = { delete: [], requeue: [] };
  const sending = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;

  const add = (action: AckAction, message: Message) => {
    pending[action].push(message);
    if (pending[action].length >= BATCH_SIZE) send(action);
    else timer ??= setTimeout(sendAll, BATCH_WINDOW_MS);
  };

  function sendAll() {
    clearTimeout(timer);
    timer = undefined;
    send('delete');
    send('requeue');
  }

  function send(action: AckAction) {
    while (pending[action].length > 0) {
      const batch = pending[action].splice(0, BATCH_SIZE);
      const sent = sendBatch(options, action, batch).finally(() => sending.delete(sent));
      sending.add(sent);
    }
  }

  return {
    deleteMessage: (message) => add('delete', message),
    requeueMessage: (message) => add('requeue', message),
    async flush() {
      sendAll();
      while (sending.size > 0) await Promise.allSettled([...sending]);
    },
  };
}

async function sendBatch(options: AckBatcherOptions, action: AckAction, batch: Message[]): Promise<void> {
  let entries = batch.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle }));
  for (let attempt = 1; entries.length > 0; attempt++) {
    let failed: BatchResultErrorEntry[];
    try {
      failed = await sendEntries(options, action, entries);
    } catch (error) {
      failed = entries.map((entry) => ({ Id: entry.Id, SenderFault: false, Code: coerceError(error).name }));
    }
    const retryable = new Set(failed.filter((f) => !f.SenderFault).map((f) => f.Id));
    const givenUp = failed.filter((f) => f.SenderFault || attempt >= ATTEMPTS);
    for (const failure of givenUp) {
      options.logger.warn(
        { action, messageId: batch[Number(failure.Id)]?.MessageId, code: failure.Code },
        `SQS did not ${action} the message; it will be delivered again`,
      );
    }
    if (givenUp.length > 0) options.onFailure(action, givenUp.length);
    if (attempt >= ATTEMPTS) return;
    entries = entries.filter((entry) => retryable.has(entry.Id));
    if (entries.length > 0) await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, 2_000)));
  }
}

async function sendEntries(
  { call, queueUrl, requeueDelaySeconds }: AckBatcherOptions,
  action: AckAction,
  entries: Array<{ Id: string; ReceiptHandle: string | undefined }>,
): Promise<BatchResultErrorEntry[]> {
  const options = answeredWithin(CALL_TIMEOUT_MS);
  const answer =
    action === 'delete'
      ? await call('DeleteMessageBatch', { QueueUrl: queueUrl, Entries: entries }, options)
      : await call('ChangeMessageVisibilityBatch', { QueueUrl: queueUrl, Entries: entries.map((entry) => ({ ...entry, VisibilityTimeout: requeueDelaySeconds })) }, options);
  return (answer as { Failed?: BatchResultErrorEntry[] } | undefined)?.Failed ?? [];
}
