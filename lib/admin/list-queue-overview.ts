import { z } from 'zod';
import { mapWithConcurrency } from '@/lib/async/map-with-concurrency';
import type { Db } from '@/lib/db/client';
import { countDeadRunsOfFlows } from '@/lib/flows/count-flow-runs';
import { listDlqDepthSeries } from '@/lib/flow-metrics/list-dlq-depth-series';
import { readFlowQueueSampled } from '@/lib/flow-metrics/read-flow-queue-sampled';
import { flowQueueOf } from '@/lib/flows/flow-role';
import { flowCountsOf, flowCountsSchema, flowViewSchema } from '@/lib/flows/flow-view';
import { flowQueueReadoutSchema } from './flow-queue-readout';
import type { QueueAccess } from '@/lib/sqs/queue-access';
import type { QueueReadoutCaches } from './queue-readout-cache';

const queueOverviewRowSchema = z.object({
  flowId: z.string(),
  kind: flowViewSchema.shape.kind,
  enabled: z.boolean(),
  status: flowViewSchema.shape.status,
  owner: z.string(),
  algorithm: z.string().describe('owner/name of the algorithm, with the version when the flow pins one.'),
  algorithmName: z.string(),
  queueUrl: z.string(),
  queueName: z.string(),
  readout: flowQueueReadoutSchema,
  lastError: z.string().nullable().describe('Why the worker reports it ERROR, in plain words.'),
  ...flowCountsSchema.shape,
  dlqSeries: z.array(z.number().int().nullable()).describe('DLQ depth per minute over the last hour, oldest first (null: not sampled that minute).'),
  deadRuns: z.number().int().describe("The platform's side of dead letters: its runs that are DEAD or EXPIRED."),
});

const queueOverviewTotalsSchema = z.object({
  connections: z.number().int(),
  withProblems: z.number().int().describe('Rows with a part that could not be read (including queues without a DLQ).'),
  visible: z.number().int(),
  inFlight: z.number().int(),
  delayed: z.number().int(),
  dlqDepth: z.number().int(),
  deadRuns: z.number().int(),
  oldestDlqMessageAgeSeconds: z.number().nullable(),
});

/** The admin view: every connection of every user with its queues' counts. */
export const queueOverviewSchema = z.object({
  rows: z.array(queueOverviewRowSchema),
  totals: queueOverviewTotalsSchema.describe('Sums over distinct queues: two connections on one queue count its messages once.'),
  local: z.boolean(),
}).meta({ id: 'QueueOverview' });

export type QueueOverviewRow = z.infer<typeof queueOverviewRowSchema>;
export type QueueOverviewTotals = z.infer<typeof queueOverviewTotalsSchema>;
export type QueueOverview = z.infer<typeof queueOverviewSchema>;

// Enough to fill a page of flows quickly without a burst of hundreds of SQS calls.
const READ_CONCURRENCY = 8;

/** Every broker connection and listener of every user, with its queues' counts (admins only). */
export async function listQueueOverview(db: Db, access: QueueAccess, caches: QueueReadoutCaches): Promise<QueueOverview> {
  const flows = await db.eventFlow.findMany({
    include: {
      algorithm: { select: { name: true, owner: { select: { username: true, externalId: true } } } },
      runTotals: { select: { succeeded: true, failed: true } },
    },
    orderBy: { createdAt: 'asc' },
  });
  const rows = await mapWithConcurrency(flows, READ_CONCURRENCY, async (flow) => ({
    flowId: flow.id,
    kind: flow.kind,
    enabled: flow.enabled,
    status: flow.status,
    owner: flow.algorithm.owner.username,
    algorithm: [flow.algorithm.owner.username, flow.algorithm.name, flow.version].filter(Boolean).join('/'),
    algorithmName: flow.algorithm.name,
    queueUrl: flow.queueUrl,
    queueName: flow.queueUrl.slice(flow.queueUrl.lastIndexOf('/') + 1),
    lastError: flow.lastError,
    ...flowCountsOf(flow),
    readout: await readFlowQueueSampled(db, flowQueueOf(flow), access, caches),
  }));
  // Read after the readouts, so this request's samples are in the sparklines.
  const flowIds = rows.map((row) => row.flowId);
  const [series, deadRuns] = await Promise.all([listDlqDepthSeries(db, flowIds), countDeadRunsOfFlows(db, flowIds)]);
  const withSeries = rows.map((row) => ({ ...row, dlqSeries: series.get(row.flowId) ?? [], deadRuns: deadRuns.get(row.flowId) ?? 0 }));
  return { rows: withSeries, totals: totalsOf(withSeries), local: access.local };
}

/** Sums over distinct queues: two flows on one queue count its messages once. */
function totalsOf(rows: QueueOverviewRow[]): QueueOverviewTotals {
  const sources = new Map<string, { visible: number; inFlight: number; delayed: number }>();
  const dlqs = new Map<string, { depth: number; age: number | null }>();
  for (const { queueUrl, readout } of rows) {
    if (readout.source.ok) sources.set(queueUrl, readout.source);
    if (readout.dlq?.ok) {
      const oldest = readout.dlq.oldestMessage;
      dlqs.set(readout.dlq.url, { depth: readout.dlq.depth, age: oldest?.ok ? oldest.ageSeconds : null });
    }
  }
  const sum = <T>(values: Iterable<T>, pick: (value: T) => number) => [...values].reduce((total, value) => total + pick(value), 0);
  const ages = [...dlqs.values()].flatMap((dlq) => (dlq.age === null ? [] : [dlq.age]));
  return {
    connections: rows.length,
    withProblems: rows.filter(({ readout }) => !readout.source.ok || !readout.dlq?.ok).length,
    visible: sum(sources.values(), (queue) => queue.visible),
    inFlight: sum(sources.values(), (queue) => queue.inFlight),
    delayed: sum(sources.values(), (queue) => queue.delayed),
    dlqDepth: sum(dlqs.values(), (dlq) => dlq.depth),
    deadRuns: sum(rows, (row) => row.deadRuns),
    oldestDlqMessageAgeSeconds: ages.length > 0 ? Math.max(...ages) : null,
  };
}
