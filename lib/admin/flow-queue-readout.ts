import { z } from 'zod';
import { awsProblemCodeSchema, awsProblemSchema } from '@/lib/sqs/describe-aws-error';
import { isoTimeSchema } from '@/lib/validation/iso-time';

// What the admin view shows of one flow's queues. Each part is read on its own, so a
// part that cannot be read says why without hiding the others.

export const queueProblemSchema = awsProblemSchema.extend({
  code: z.union([awsProblemCodeSchema, z.enum(['NO_REDRIVE_POLICY', 'BAD_REDRIVE_POLICY'])]),
}).meta({ id: 'QueueProblem' });

export type QueueProblem = z.infer<typeof queueProblemSchema>;

export type Readout<T> = ({ ok: true } & T) | { ok: false; problem: QueueProblem };

/** `{ ok: true, …shape }`, or `{ ok: false, problem }` when that part could not be read. */
function readoutSchema<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), ...shape }), z.object({ ok: z.literal(false), problem: queueProblemSchema })]);
}

const sourceQueueShape = {
  arn: z.string(),
  visible: z.number().int().describe('ApproximateNumberOfMessages.'),
  inFlight: z.number().int().describe('ApproximateNumberOfMessagesNotVisible.'),
  delayed: z.number().int().describe('ApproximateNumberOfMessagesDelayed.'),
  visibilityTimeoutSeconds: z.number().int(),
  maxReceiveCount: z.number().int().nullable(),
};

const oldestMessageShape = {
  ageSeconds: z.number(),
  lowerBound: z.boolean().describe('Only a sample of the DLQ was looked at: the oldest message is at least this old.'),
};

const deadLetterQueueShape = {
  url: z.string(),
  name: z.string(),
  arn: z.string(),
  depth: z.number().int().describe('Every message in the DLQ: visible, in flight and delayed.'),
  oldestMessage: readoutSchema(oldestMessageShape).nullable().describe('null when the DLQ is empty or was not looked at.'),
};

export const flowQueueReadoutSchema = z.object({
  source: readoutSchema(sourceQueueShape),
  dlq: readoutSchema(deadLetterQueueShape).nullable().describe('null when the source queue itself could not be read.'),
  readAt: isoTimeSchema,
}).meta({ id: 'QueueReadout' });

export type FlowQueueReadout = z.infer<typeof flowQueueReadoutSchema>;
export type OldestMessage = z.infer<z.ZodObject<typeof oldestMessageShape>>;
export type DeadLetterQueueReadout = z.infer<z.ZodObject<typeof deadLetterQueueShape>>;
