import type { Db } from '@/lib/db/client';

export const DLQ_SERIES_MINUTES = 60;

/** Per flow, its DLQ depth per minute over the last hour (null where no sample was taken), oldest first. */
export async function listDlqDepthSeries(db: Db, flowIds: string[], now = new Date()): Promise<Map<string, Array<number | null>>> {
  const end = Math.floor(now.getTime() / 60_000) * 60_000 + 60_000;
  const start = end - DLQ_SERIES_MINUTES * 60_000;
  const rows = flowIds.length
    ? await db.flowMetricMinute.findMany({
        where: { eventFlowId: { in: flowIds }, minute: { gte: new Date(start), lt: new Date(end) }, dlqDepth: { not: null } },
        select: { eventFlowId: true, minute: true, dlqDepth: true },
      })
    : [];
  const series = new Map(flowIds.map((id) => [id, Array<number | null>(DLQ_SERIES_MINUTES).fill(null)]));
  for (const row of rows) series.get(row.eventFlowId)![Math.floor((row.minute.getTime() - start) / 60_000)] = row.dlqDepth;
  return series;
}
