import { z } from 'zod';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isoTimeSchema } from '@/lib/validation/iso-time';

export const DESTINATION_VIEW_SELECT = {
  kind: true,
  queueUrl: true,
  status: true,
  attempts: true,
  sentMessageId: true,
  sentAt: true,
  lastError: true,
} as const satisfies Prisma.DestinationMessageSelect;

type DestinationRow = Prisma.DestinationMessageGetPayload<{ select: typeof DESTINATION_VIEW_SELECT }>;

/** Where a run's result went (its on-success or on-failure message), or why it did not. */
export const destinationViewSchema = z
  .object({
    kind: z.enum(['success', 'failure']).describe('The on-success message (its output) or the on-failure one (a failure envelope).'),
    queueUrl: z.string(),
    status: z.enum(['pending', 'sent', 'failed']).describe('pending: being sent (or waiting for a retry); failed: given up, see error; it can be resent.'),
    attempts: z.number().int().describe('Sends tried so far.'),
    messageId: z.string().nullable().describe('The SQS message id it was sent as (the next run of a chain has it as its message id).'),
    sentAt: isoTimeSchema.nullable(),
    error: z.string().nullable().describe('Why it was not sent (yet), in plain words.'),
  })
  .meta({ id: 'RunDestination' });

export type DestinationView = z.infer<typeof destinationViewSchema>;

export function toDestinationView(row: DestinationRow): DestinationView {
  return {
    kind: row.kind === 'SUCCESS' ? 'success' : 'failure',
    queueUrl: row.queueUrl,
    status: row.status === 'SENT' ? 'sent' : row.status === 'FAILED' ? 'failed' : 'pending',
    attempts: row.attempts,
    messageId: row.sentMessageId,
    sentAt: row.sentAt?.toISOString() ?? null,
    error: row.lastError,
  };
}
