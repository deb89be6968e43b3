import type { Db } from '@/lib/db/client';
import type { RunToExecute } from './execute-run';

/**
 * Marks up to `limit` of the oldest QUEUED runs RUNNING and returns what executing them
 * needs, in the same round trip. SKIP LOCKED lets several executors claim side by side
 * without ever taking the same run.
 */
export async function claimQueuedRuns(db: Db, limit: number): Promise<RunToExecute[]> {
  if (limit <= 0) return [];
  return db.$queryRaw<RunToExecute[]>`
    WITH claimed AS (
      UPDATE "AlgorithmRun" SET "status" = 'RUNNING', "startedAt" = now() AT TIME ZONE 'UTC'
      WHERE "id" IN (
        SELECT "id" FROM "AlgorithmRun" WHERE "status" = 'QUEUED'
        ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
      )
      RETURNING "id", "input", "timeoutSeconds", "eventFlowId", "sqsMessageId", "versionId", "algorithmId"
    )
    SELECT c."id", c."input", c."timeoutSeconds", c."eventFlowId", c."sqsMessageId", v."endpointUrl", a."ownerId"
    FROM claimed c
    JOIN "AlgorithmVersion" v ON v."id" = c."versionId"
    JOIN "Algorithm" a ON a."id" = c."algorithmId"`;
}
