import type { Db } from '@/lib/db/client';

/**
 * Leases up to `limit` enabled flows that nobody holds (never leased, released, or whose
 * worker stopped renewing). SKIP LOCKED lets workers claim at the same time without
 * waiting for each other or taking the same flow.
 */
export async function claimFlows(db: Db, workerId: string, leaseMs: number, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    WITH free AS (
      SELECT "id" FROM "EventFlow"
      WHERE "enabled" AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < (now() AT TIME ZONE 'UTC'))
      ORDER BY "leaseExpiresAt" ASC NULLS FIRST, "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "EventFlow" AS flow
    SET "leaseOwner" = ${workerId},
        "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}::float8)
    FROM free
    WHERE flow."id" = free."id"
    RETURNING flow."id"`;
  return rows.map((row) => row.id);
}
