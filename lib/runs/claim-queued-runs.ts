import type { Db } from '@/lib/db/client';
import { settingsFromRow, type PlatformSettings } from '@/lib/settings/get-platform-settings';
import type { RunToExecute } from './execute-run';

// Serialises claims across executors so the counts each one reads are the counts it
// acts on (claims are short: one statement).
const RUN_CLAIM_LOCK = 5_318_008_102;

/**
 * Marks up to `limit` queued runs RUNNING for this executor and returns what executing
 * them needs. What may start is decided in one statement, under the claim lock:
 * - retries wait for their `nextAttemptAt`;
 * - FIFO message groups run one at a time in sequence order: only a group's first
 *   queued run may start, and only while none of the group runs (a retrying run
 *   blocks its group, as Lambda's SQS trigger does);
 * - a flow's maxConcurrency, the user session limit and the maximum of workers count
 *   the runs already RUNNING, in every process;
 * - users take turns: every user's oldest runs before anyone's second ones.
 */
export async function claimQueuedRuns(db: Db, { executorId, limit }: { executorId: string; limit: number }): Promise<RunToExecute[]> {
  if (limit <= 0) return [];
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RUN_CLAIM_LOCK}::bigint)`;
    const [row] = await tx.$queryRaw<Array<{ settings: Partial<PlatformSettings> | null }>>`
      SELECT (SELECT row_to_json(s) FROM "PlatformSettings" s WHERE s."id" = 1) AS settings`;
    const { maxWorkers, userSessionLimit } = settingsFromRow(row?.settings ?? null);
    return tx.$queryRaw<RunToExecute[]>`
      WITH running AS (
        SELECT "callerId", "eventFlowId", "messageGroupId" FROM "AlgorithmRun" WHERE "status" = 'RUNNING'
      ),
      ready AS (
        SELECT r."id", r."callerId", r."eventFlowId", r."createdAt" FROM "AlgorithmRun" r
        WHERE r."status" = 'QUEUED'
          AND (r."nextAttemptAt" IS NULL OR r."nextAttemptAt" <= now() AT TIME ZONE 'UTC')
          AND (r."messageGroupId" IS NULL OR (
            NOT EXISTS (SELECT 1 FROM running g WHERE g."eventFlowId" = r."eventFlowId" AND g."messageGroupId" = r."messageGroupId")
            AND NOT EXISTS (
              SELECT 1 FROM "AlgorithmRun" e
              WHERE e."status" = 'QUEUED' AND e."eventFlowId" = r."eventFlowId" AND e."messageGroupId" = r."messageGroupId"
                AND e."sequenceNumber" < r."sequenceNumber")))
      ),
      per_flow AS (
        SELECT ready.*, row_number() OVER (PARTITION BY ready."eventFlowId" ORDER BY ready."createdAt", ready."id") AS flow_rank
        FROM ready
      ),
      within_flow AS (
        SELECT p.* FROM per_flow p LEFT JOIN "EventFlow" f ON f."id" = p."eventFlowId"
        WHERE f."maxConcurrency" IS NULL
          OR p.flow_rank <= f."maxConcurrency" - (SELECT count(*) FROM running x WHERE x."eventFlowId" = p."eventFlowId")
      ),
      per_user AS (
        SELECT w.*, row_number() OVER (PARTITION BY w."callerId" ORDER BY w."createdAt", w."id") AS user_rank
        FROM within_flow w
      ),
      picked AS (
        SELECT u."id" FROM per_user u
        WHERE u.user_rank <= ${userSessionLimit}::int - (SELECT count(*) FROM running x WHERE x."callerId" = u."callerId")
        ORDER BY u.user_rank, u."createdAt", u."id"
        LIMIT GREATEST(0, LEAST(${limit}::int, ${maxWorkers}::int - (SELECT count(*) FROM running)::int))
      ),
      claimed AS (
        UPDATE "AlgorithmRun" r
        SET "status" = 'RUNNING', "startedAt" = now() AT TIME ZONE 'UTC', "attempt" = r."attempt" + 1,
          "executorId" = ${executorId}, "nextAttemptAt" = NULL
        FROM picked WHERE r."id" = picked."id"
        RETURNING r."id", r."input", r."timeoutSeconds", r."eventFlowId", r."sqsMessageId", r."attempt", r."maxAttempts",
          r."versionId", r."algorithmId"
      )
      SELECT c."id", c."input", c."timeoutSeconds", c."eventFlowId", c."sqsMessageId", c."attempt", c."maxAttempts",
        ${executorId} AS "executorId", v."endpointUrl", a."ownerId"
      FROM claimed c
      JOIN "AlgorithmVersion" v ON v."id" = c."versionId"
      JOIN "Algorithm" a ON a."id" = c."algorithmId"`;
  });
}
