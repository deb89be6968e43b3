import type { SQSClient } from '@aws-sdk/client-sqs';
import { describeAwsError, type AwsCall } from '@/lib/sqs/describe-aws-error';
import type { TtlCache } from '@/lib/cache/ttl-cache';
import type { LeanSqsCall } from '@/lib/sqs/lean-sqs-call';
import { deadLetterQueueUrl } from '@/lib/sqs/dead-letter-queue-url';
import { peekMessages } from '@/lib/sqs/peek-messages';
import { readQueueAttributes, type QueueAttributes } from '@/lib/sqs/read-queue-attributes';
import type { DeadLetterQueueReadout, FlowQueueReadout, OldestMessage, Readout } from './flow-queue-readout';
import type { QueueFlow } from '@/lib/sqs/queue-access';

/** The oldest SentTimestamp among a peek at the DLQ, and how many messages were looked at. */
export type OldestSample = Readout<{ oldestSentAt: number | null; sampled: number }>;

async function attempt<T>(call: AwsCall, run: () => Promise<T>): Promise<Readout<{ value: T }>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, problem: describeAwsError(error, call) };
  }
}

const readAttributes = (sqs: SQSClient | LeanSqsCall, url: string) => attempt({ action: 'sqs:GetQueueAttributes', resource: url }, () => readQueueAttributes(sqs, url));

/**
 * Reads a flow's source queue, then its DLQ (found through the redrive policy), with a
 * client (or the worker's lean calls) acting as the flow's role. The DLQ is peeked for
 * its oldest message only with an SDK client and `oldestSamples` (a peek counts as a
 * receive; the worker's periodic samples do without it).
 */
export async function readFlowQueues(flow: QueueFlow, sqs: SQSClient | LeanSqsCall, oldestSamples: TtlCache<OldestSample> | null): Promise<FlowQueueReadout> {
  const source = await readAttributes(sqs, flow.queueUrl);
  const readAt = new Date().toISOString();
  if (!source.ok) return { source, dlq: null, readAt };
  const { arn, visible, inFlight, delayed, visibilityTimeoutSeconds, redrivePolicy } = source.value;
  return {
    source: { ok: true, arn, visible, inFlight, delayed, visibilityTimeoutSeconds, maxReceiveCount: redrivePolicy?.maxReceiveCount ?? null },
    dlq: await readDeadLetterQueue(sqs, flow, source.value, oldestSamples),
    readAt,
  };
}

async function readDeadLetterQueue(
  sqs: SQSClient | LeanSqsCall,
  flow: QueueFlow,
  source: QueueAttributes,
  oldestSamples: TtlCache<OldestSample> | null,
): Promise<Readout<DeadLetterQueueReadout>> {
  if (!source.redrivePolicy) {
    return { ok: false, problem: { code: 'NO_REDRIVE_POLICY', message: 'The queue has no redrive policy: failed messages never reach a dead-letter queue.' } };
  }
  const url = deadLetterQueueUrl(flow.queueUrl, source.redrivePolicy.deadLetterTargetArn);
  if (!url) {
    return { ok: false, problem: { code: 'BAD_REDRIVE_POLICY', message: `The redrive policy names no queue ARN: ${source.redrivePolicy.deadLetterTargetArn}` } };
  }
  const attributes = await readAttributes(sqs, url);
  if (!attributes.ok) return attributes;
  const dlq = attributes.value;
  const depth = dlq.visible + dlq.inFlight + dlq.delayed;
  // Peeking counts as a receive: a DLQ with a redrive policy of its own would pass its messages on.
  const canPeek = depth > 0 && !dlq.redrivePolicy;
  const sampleKey = JSON.stringify([flow.roleArn, flow.externalId, url]);
  const sample = canPeek && oldestSamples && typeof sqs !== 'function' ? await oldestSamples.get(sampleKey, () => sampleOldest(sqs, url)) : null;
  return {
    ok: true,
    url,
    name: url.slice(url.lastIndexOf('/') + 1),
    arn: dlq.arn,
    depth,
    oldestMessage: sample && oldestMessageOf(sample, depth),
  };
}

async function sampleOldest(sqs: SQSClient, url: string): Promise<OldestSample> {
  const peek = await attempt({ action: 'sqs:ReceiveMessage', resource: url }, () => peekMessages(sqs, url));
  if (!peek.ok) return peek;
  const sentAts = peek.value.flatMap((message) => (message.sentAt ? [Date.parse(message.sentAt)] : []));
  return { ok: true, oldestSentAt: sentAts.length > 0 ? Math.min(...sentAts) : null, sampled: peek.value.length };
}

function oldestMessageOf(sample: OldestSample, depth: number): Readout<OldestMessage> | null {
  if (!sample.ok) return sample;
  if (sample.oldestSentAt === null) return null;
  return { ok: true, ageSeconds: Math.max(0, Math.round((Date.now() - sample.oldestSentAt) / 1000)), lowerBound: sample.sampled < depth };
}
