import type { Db } from '@/lib/db/client';

/** Deletes the per-minute rollups older than the retention; returns how many. */
export async function pruneFlowMetrics(db: Db, retentionDays: number): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "FlowMetricMinute" WHERE "minute" < now() AT TIME ZONE 'UTC' - make_interval(days => ${retentionDays}::int)`;
}
