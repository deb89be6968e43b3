import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Message } from '@aws-sdk/client-sqs';
import { isTransientAwsError } from './describe-aws-error';
import type { LeanSqsCall } from './lean-sqs-call';

export interface ReceiveRequest {
  queueUrl: string;
  maxMessages: number;
  waitTimeSeconds: number;
}

/** ReceiveMessage on one queue; rejects with the AWS error (its `name`) as the SDK would. */
export type ReceiveMessages = (request: ReceiveRequest, signal: AbortSignal) => Promise<Message[]>;

const ATTEMPTS = 3; // as the SDK's standard retry mode
// A long poll that has not answered well after WaitTimeSeconds is a dead connection.
const SILENCE_BEYOND_WAIT_MS = 10_000;

/**
 * The worker's long polls, through the lean call (lean-sqs-call.ts: a thousand idle flows
 * keep a thousand polls going). A connection silent for 10 s beyond the wait fails with
 * TimeoutError; transient failures are retried twice.
 */
export function createMessageReceiver(call: LeanSqsCall): ReceiveMessages {
  return async (request, signal) => {
    const input = {
      QueueUrl: request.queueUrl,
      MaxNumberOfMessages: request.maxMessages,
      WaitTimeSeconds: request.waitTimeSeconds,
      MessageSystemAttributeNames: ['ApproximateReceiveCount', 'MessageGroupId', 'SequenceNumber'],
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await call('ReceiveMessage', input, { signal, silenceTimeoutMs: request.waitTimeSeconds * 1000 + SILENCE_BEYOND_WAIT_MS });
        return checkedMessages(answer);
      } catch (error) {
        if (signal.aborted || attempt >= ATTEMPTS || !isTransientAwsError(error)) throw error;
        await sleep(100 * 2 ** attempt * Math.random(), undefined, { signal }).catch(() => undefined);
      }
    }
  };
}

function checkedMessages(answer: unknown): Message[] {
  const messages = (answer as { Messages?: Message[] } | undefined)?.Messages ?? [];
  // The SDK checks every body against its MD5 too: a corrupted message is not dispatched.
  const corrupted = messages.filter((message) => message.MD5OfBody !== createHash('md5').update(message.Body ?? '').digest('hex'));
  if (corrupted.length > 0) throw new Error(`Invalid MD5 checksum on messages: ${corrupted.map((message) => message.MessageId).join(', ')}`);
  return messages;
}
