import type { Db } from '@/lib/db/client';

/**
 * Marks up to `limit` of the oldest QUEUED runs RUNNING and returns their ids. SKIP
 * LOCKED lets several executors claim side by side without ever taking the same run.
 */
export async function claimQueuedRuns(db: Db, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "AlgorithmRun" SET "status" = 'RUNNING', "startedAt" = now() AT TIME ZONE 'UTC'
    WHERE "id" IN (
      SELECT "id" FROM "AlgorithmRun" WHERE "status" = 'QUEUED'
      ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"`;
  return rows.map((row) => row.id);
}
