import type { Db } from '@/lib/db/client';

/** How many enabled flows each live worker should lease: ceil(flows / workers). */
export async function fairShare(db: Db, leaseMs: number): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ workers: number; flows: number }>>`
    SELECT
      (SELECT count(*)::int FROM "WorkerProcess"
        WHERE "heartbeatAt" >= (now() AT TIME ZONE 'UTC') - make_interval(secs => ${leaseMs / 1000}::float8)) AS workers,
      (SELECT count(*)::int FROM "EventFlow" WHERE "enabled") AS flows`;
  return Math.ceil((row?.flows ?? 0) / Math.max(1, row?.workers ?? 1));
}
