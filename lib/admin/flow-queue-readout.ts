import type { AwsProblem, AwsProblemCode } from '@/lib/sqs/describe-aws-error';

// What the admin view shows of one flow's queues. Each part is read on its own, so a
// part that cannot be read says why without hiding the others.

export interface QueueProblem extends Omit<AwsProblem, 'code'> {
  code: AwsProblemCode | 'NO_REDRIVE_POLICY' | 'BAD_REDRIVE_POLICY';
}

export type Readout<T> = ({ ok: true } & T) | { ok: false; problem: QueueProblem };

export interface SourceQueueReadout {
  arn: string;
  visible: number;
  inFlight: number;
  delayed: number;
  visibilityTimeoutSeconds: number;
  maxReceiveCount: number | null;
}

export interface OldestMessage {
  ageSeconds: number;
  /** Only a sample of the DLQ was looked at: the oldest message is at least this old. */
  lowerBound: boolean;
}

export interface DeadLetterQueueReadout {
  url: string;
  name: string;
  arn: string;
  /** Every message in the DLQ: visible, in flight and delayed. */
  depth: number;
  /** null when the DLQ is empty or was not looked at. */
  oldestMessage: Readout<OldestMessage> | null;
}

export interface FlowQueueReadout {
  source: Readout<SourceQueueReadout>;
  /** null when the source queue itself could not be read. */
  dlq: Readout<DeadLetterQueueReadout> | null;
  readAt: string;
}
