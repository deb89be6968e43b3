import { z } from 'zod';
import type { Prisma } from '@/lib/generated/prisma/client';
import { runDeletion, runDeletionSchema } from './run-retention';
import { runVersionOf } from './run-version';
import { isoTimeSchema } from '@/lib/validation/iso-time';

// How runs are shown in lists and JSON: plain values, dates as ISO strings.

export const runSummarySelect = {
  id: true,
  status: true,
  source: true,
  sqsMessageId: true,
  durationMs: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  version: { select: { version: true } },
  deletedVersion: true,
  eventFlow: { select: { id: true, kind: true, queueUrl: true, runRetentionHours: true } },
} satisfies Prisma.AlgorithmRunSelect;

type RunSummaryRow = Prisma.AlgorithmRunGetPayload<{ select: typeof runSummarySelect }>;

export const runStatusSchema = z
  .enum(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'DEAD', 'EXPIRED'])
  .describe('QUEUED → RUNNING → SUCCEEDED, FAILED (refused by the endpoint), DEAD (every attempt failed transiently), EXPIRED (queued too long), TIMED_OUT (synchronous calls).').meta({ id: 'RunStatus' });

export const runSummarySchema = z.object({
  id: z.string(),
  status: runStatusSchema,
  source: z.enum(['API', 'EVENT_FLOW']),
  version: z.string(),
  eventFlow: z
    .object({ id: z.string(), kind: z.enum(['BROKER', 'LISTENER']), queueName: z.string() })
    .nullable()
    .describe("The connection's queue when an event flow started the run (null once it is deleted)."),
  sqsMessageId: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  createdAt: isoTimeSchema,
  startedAt: isoTimeSchema.nullable(),
  finishedAt: isoTimeSchema.nullable(),
  deletion: runDeletionSchema.nullable().describe('When the retention sweep deletes it (null while it may still run).'),
}).meta({ id: 'RunSummary' });

export type RunSummary = z.infer<typeof runSummarySchema>;

/** `platformRetentionHours`: the platform's "Keep finished runs for", for runs whose connection keeps no window of its own. */
export function toRunSummary(row: RunSummaryRow, platformRetentionHours: number): RunSummary {
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    version: runVersionOf(row),
    eventFlow: row.eventFlow ? { id: row.eventFlow.id, kind: row.eventFlow.kind, queueName: queueNameOf(row.eventFlow.queueUrl) } : null,
    sqsMessageId: row.sqsMessageId,
    durationMs: row.durationMs,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    deletion: runDeletion(row, row.eventFlow?.runRetentionHours ?? platformRetentionHours),
  };
}

function queueNameOf(queueUrl: string): string {
  return queueUrl.split('/').filter(Boolean).at(-1) ?? queueUrl;
}
