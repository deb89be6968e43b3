import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { isoTimeSchema } from '@/lib/validation/iso-time';
import { DURATION_BUCKETS, durationQuantile } from './duration-buckets';

/** `?range=`: the last hour per minute (the default), or the last day per 15 minutes. */
export const metricsRangeSchema = z.enum(['hour', 'day']);

export type MetricsRange = z.infer<typeof metricsRangeSchema>;

/** The last hour per minute, the last day per 15 minutes. */
const RANGES: Record<MetricsRange, { points: number; stepMinutes: number }> = {
  hour: { points: 60, stepMinutes: 1 },
  day: { points: 96, stepMinutes: 15 },
};

const COUNTS = ['received', 'accepted', 'requeued', 'failed', 'filtered', 'runsSucceeded', 'runsFailed', 'runsDead'] as const;
type CountName = (typeof COUNTS)[number];

const countsSchema = z.object(Object.fromEntries(COUNTS.map((name) => [name, z.number().int()])) as Record<CountName, z.ZodNumber>);

export const flowMetricsSchema = z.object({
  range: metricsRangeSchema,
  stepSeconds: z.number().int(),
  points: z.array(
    countsSchema.extend({
      at: isoTimeSchema.describe("Start of the point's interval."),
      p50Ms: z.number().nullable().describe('Run duration percentile of the runs that ended in the interval (null: none ended).'),
      p95Ms: z.number().nullable(),
      queueBacklog: z.number().int().nullable().describe('The last queue sample in the interval: visible + in flight (null: none was taken).'),
      dlqDepth: z.number().int().nullable(),
    }),
  ),
  totals: countsSchema,
}).meta({ id: 'FlowMetrics' });

export type FlowMetrics = z.infer<typeof flowMetricsSchema>;
export type MetricsPoint = FlowMetrics['points'][number];

interface Row extends Record<CountName, number> {
  minute: Date;
  durationBuckets: Array<number | null> | null;
  queueBacklog: number | null;
  dlqDepth: number | null;
}

export function parseMetricsRange(value: string | null): MetricsRange {
  const range = metricsRangeSchema.default('hour').safeParse(value ?? undefined);
  if (range.success) return range.data;
  throw new AppError('BAD_REQUEST', 'range is "hour" or "day"', { range: 'Choose "hour" or "day"' });
}

/** A flow's chart series from its per-minute rollups, oldest point first, ending with the current interval. */
export async function getFlowMetrics(db: Db, flowId: string, range: MetricsRange, now = new Date()): Promise<FlowMetrics> {
  const { points, stepMinutes } = RANGES[range];
  const stepMs = stepMinutes * 60_000;
  const end = Math.floor(now.getTime() / stepMs) * stepMs + stepMs;
  const start = end - points * stepMs;
  const rows = await db.$queryRaw<Row[]>`
    SELECT "minute", "received", "accepted", "requeued", "failed", "filtered", "runsSucceeded", "runsFailed", "runsDead",
      "durationBuckets", "queueBacklog", "dlqDepth"
    FROM "FlowMetricMinute"
    WHERE "eventFlowId" = ${flowId} AND "minute" >= ${new Date(start)} AND "minute" < ${new Date(end)}
    ORDER BY "minute"`;

  const series = Array.from({ length: points }, (_, index) => ({
    at: new Date(start + index * stepMs).toISOString(),
    counts: Object.fromEntries(COUNTS.map((name) => [name, 0])) as Record<CountName, number>,
    buckets: Array<number>(DURATION_BUCKETS).fill(0),
    queueBacklog: null as number | null,
    dlqDepth: null as number | null,
  }));
  for (const row of rows) {
    const point = series[Math.floor((row.minute.getTime() - start) / stepMs)];
    if (!point) continue;
    for (const name of COUNTS) point.counts[name] += row[name];
    row.durationBuckets?.forEach((count, index) => (point.buckets[index] = (point.buckets[index] ?? 0) + (count ?? 0)));
    // Rows come oldest first: the last sample of the interval wins.
    if (row.queueBacklog !== null) point.queueBacklog = row.queueBacklog;
    if (row.dlqDepth !== null) point.dlqDepth = row.dlqDepth;
  }

  const totals = Object.fromEntries(COUNTS.map((name) => [name, series.reduce((sum, point) => sum + point.counts[name], 0)])) as Record<CountName, number>;
  return {
    range,
    stepSeconds: stepMinutes * 60,
    totals,
    points: series.map(({ at, counts, buckets, queueBacklog, dlqDepth }) => ({
      at,
      ...counts,
      p50Ms: durationQuantile(buckets, 0.5),
      p95Ms: durationQuantile(buckets, 0.95),
      queueBacklog,
      dlqDepth,
    })),
  };
}
