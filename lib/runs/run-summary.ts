import type { Prisma } from '@/lib/generated/prisma/client';
import { runDeletion, type RunDeletion } from './run-retention';
import { runVersionOf } from './run-version';

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

export interface RunSummary {
  id: string;
  status: RunSummaryRow['status'];
  source: RunSummaryRow['source'];
  version: string;
  /** The connection's queue when an event flow started the run (null once it is deleted). */
  eventFlow: { id: string; kind: 'BROKER' | 'LISTENER'; queueName: string } | null;
  sqsMessageId: string | null;
  durationMs: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** When the retention sweep deletes it (null while it may still run). */
  deletion: RunDeletion | null;
}

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
