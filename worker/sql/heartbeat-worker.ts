import type { Db } from '@/lib/db/client';

// Timestamps are UTC in "timestamp without time zone" columns, as Prisma writes them;
// the database's clock is the only one used, so workers on skewed hosts agree.

/** Records that this worker is alive and forgets workers silent for longer than a lease. */
export async function heartbeatWorker(db: Db, worker: { id: string; hostname: string }, leaseMs: number): Promise<void> {
  await db.$executeRaw`
    WITH forgotten AS (
      DELETE FROM "WorkerProcess"
      WHERE "heartbeatAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${leaseMs / 1000}::float8)
    )
    INSERT INTO "WorkerProcess" ("id", "hostname", "heartbeatAt")
    VALUES (${worker.id}, ${worker.hostname}, now() AT TIME ZONE 'UTC')
    ON CONFLICT ("id") DO UPDATE SET "heartbeatAt" = excluded."heartbeatAt"`;
}
