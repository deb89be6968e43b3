import type { SendMessageBatchResult } from '@aws-sdk/client-sqs';
import { backoffDelay } from '@/lib/async/backoff';
import { describeAwsError } from '@/lib/sqs/describe-aws-error';
import { answeredWithin, type LeanSqsCall } from '@/lib/sqs/lean-sqs-call';

/** How one claimed send ended. */
export type DestinationSendResult =
  | { runId: string; attempts: number; outcome: 'SENT'; messageId: string }
  | { runId: string; attempts: number; outcome: 'RETRY'; error: string; retryInMs: number }
  | { runId: string; attempts: number; outcome: 'FAILED'; error: string };

export interface BatchEntry {
  runId: string;
  queueUrl: string;
  body: string;
  messageGroupId: string | null;
  deduplicationId: string | null;
  /** This send's number (1 for the first). */
  attempts: number;
  sourceMessageId: string | null;
}

export interface SendPolicy {
  /** Sends of one message before it is FAILED. */
  maxAttempts: number;
  /** The longest wait between two sends of one message. */
  maxBackoffMs: number;
}

const RETRY_BASE_MS = 1_000;

/**
 * Sends one batch (one queue, at most ten entries) with SendMessageBatch, as a lean call
 * (lib/sqs/lean-sqs-call.ts: one for every ten results sent) answered within `timeoutMs`, and says how each
 * entry ended. Message attributes carry the run id and its source message id; FIFO
 * entries carry their group and deduplication ids. An entry SQS refuses as the sender's
 * fault (its content) fails at once; anything else is tried again after the one backoff
 * (lib/async/backoff.ts) until its attempts are used up, then FAILED with why in plain words.
 */
export async function sendDestinationBatch(call: LeanSqsCall, entries: readonly BatchEntry[], policy: SendPolicy, timeoutMs: number): Promise<DestinationSendResult[]> {
  const queueUrl = entries[0]!.queueUrl;
  const failed = (entry: BatchEntry, error: string, final: boolean): DestinationSendResult =>
    final || entry.attempts >= policy.maxAttempts
      ? { runId: entry.runId, attempts: entry.attempts, outcome: 'FAILED', error: final ? `Not sent: ${error}` : `Not sent after ${entry.attempts} attempts: ${error}` }
      : { runId: entry.runId, attempts: entry.attempts, outcome: 'RETRY', error, retryInMs: Math.round(backoffDelay(entry.attempts, policy.maxBackoffMs, RETRY_BASE_MS)) };
  try {
    const input = {
      QueueUrl: queueUrl,
      Entries: entries.map((entry, index) => ({
        Id: String(index),
        MessageBody: entry.body,
        MessageAttributes: {
          runId: { DataType: 'String', StringValue: entry.runId },
          ...(entry.sourceMessageId ? { sourceMessageId: { DataType: 'String', StringValue: entry.sourceMessageId } } : {}),
        },
        ...(entry.messageGroupId ? { MessageGroupId: entry.messageGroupId, MessageDeduplicationId: entry.deduplicationId ?? entry.runId } : {}),
      })),
    };
    const answer = ((await call('SendMessageBatch', input, answeredWithin(timeoutMs))) ?? {}) as SendMessageBatchResult;
    const sent = new Map((answer.Successful ?? []).map((entry) => [entry.Id, entry.MessageId ?? '']));
    const refused = new Map((answer.Failed ?? []).map((entry) => [entry.Id, entry]));
    return entries.map((entry, index) => {
      const messageId = sent.get(String(index));
      if (messageId !== undefined) return { runId: entry.runId, attempts: entry.attempts, outcome: 'SENT', messageId };
      const refusal = refused.get(String(index));
      const reason = refusal ? `SQS refused the message (${refusal.Code}): ${refusal.Message ?? 'no reason given'}` : 'SQS did not answer for this message';
      return failed(entry, reason, refusal?.SenderFault === true);
    });
  } catch (error) {
    const problem = describeAwsError(error, { action: 'sqs:SendMessage', resource: queueUrl });
    return entries.map((entry) => failed(entry, problem.message, false));
  }
}
