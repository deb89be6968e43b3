import { MAX_DESTINATION_BODY_BYTES } from './destination-channel';

/** SendMessageBatch's limits: ten entries, and their bodies together no bigger than one message. */
export const MAX_BATCH_ENTRIES = 10;

export interface DestinationSend {
  queueUrl: string;
  roleArn: string;
  externalId: string;
  body: string;
  createdAt: Date;
  /** A FIFO source message's sequence number (digits): orders the runs of a group that ended together. */
  sequenceNumber: string | null;
  runId: string;
}

const bySequence = (a: string | null, b: string | null) => (a === null || b === null ? 0 : a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));

/**
 * Splits messages into SendMessageBatch calls: one queue and one role per call, at most
 * ten entries and 256 KiB of bodies each, oldest first, then by FIFO sequence (a FIFO queue keeps a batch's
 * order within a group, and the batches of one queue are sent one after another).
 */
export function batchDestinationSends<T extends DestinationSend>(messages: readonly T[]): T[][][] {
  const perQueue = new Map<string, T[]>();
  const byAge = [...messages].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || bySequence(a.sequenceNumber, b.sequenceNumber) || (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0),
  );
  for (const message of byAge) {
    const key = JSON.stringify([message.queueUrl, message.roleArn, message.externalId]);
    perQueue.set(key, [...(perQueue.get(key) ?? []), message]);
  }
  return [...perQueue.values()].map((queued) => {
    const batches: T[][] = [];
    let batch: T[] = [];
    let bytes = 0;
    for (const message of queued) {
      const size = Buffer.byteLength(message.body);
      if (batch.length === MAX_BATCH_ENTRIES || (batch.length > 0 && bytes + size > MAX_DESTINATION_BODY_BYTES)) {
        batches.push(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(message);
      bytes += size;
    }
    if (batch.length > 0) batches.push(batch);
    return batches;
  });
}
