import type { Db } from '@/lib/db/client';

/**
 * Extends this worker's leases on its enabled flows and returns their ids. A flow that
 * is missing from the answer was disabled, deleted, or taken by another worker after
 * this one's lease ran out: its consumer must stop.
 */
export async function renewLeases(db: Db, workerId: string, leaseMs: number): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "EventFlow"
    SET "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}::float8)
    WHERE "leaseOwner" = ${workerId} AND "enabled"
    RETURNING "id"`;
  return rows.map((row) => row.id);
}
