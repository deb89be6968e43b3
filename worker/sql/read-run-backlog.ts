import type { Db } from '@/lib/db/client';

export interface RunBacklog {
  /** Runs waiting to execute, platform-wide (including retries waiting for their backoff). */
  queued: number;
  /** Seconds the oldest of them has waited; 0 when none waits. */
  oldestQueuedSeconds: number;
  /** Runs of event flows that went DEAD in the last 15 minutes (the per-minute rollups). */
  deadLast15m: number;
}

/** The platform's run backlog, read through the partial index of queued runs and the rollups' minute index. */
export async function readRunBacklog(db: Db): Promise<RunBacklog> {
  const [row] = await db.$queryRaw<Array<{ queued: number; oldestQueuedSeconds: number; deadLast15m: number }>>`
    SELECT
      (SELECT count(*) FROM "AlgorithmRun" WHERE "status" = 'QUEUED')::int AS "queued",
      COALESCE((SELECT extract(epoch FROM (now() AT TIME ZONE 'UTC') - min("queuedAt")) FROM "AlgorithmRun" WHERE "status" = 'QUEUED'), 0)::float8 AS "oldestQueuedSeconds",
      (SELECT COALESCE(sum("runsDead"), 0) FROM "FlowMetricMinute"
        WHERE "minute" > date_trunc('minute', now() AT TIME ZONE 'UTC') - interval '15 minutes')::int AS "deadLast15m"`;
  return row ?? { queued: 0, oldestQueuedSeconds: 0, deadLast15m: 0 };
}
